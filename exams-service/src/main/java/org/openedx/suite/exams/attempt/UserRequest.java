package org.openedx.suite.exams.attempt;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A user as the LMS knows them: its user id and personal data, as the events will carry them, within the limits the
 * LMS sets on its users.
 */
record UserRequest(
        @NotNull @Positive Long id,
        @NotBlank @Size(max = 150)
        @Pattern(regexp = "[A-Za-z0-9_.@+-]+", message = "may contain only letters, digits and _ . @ + -")
        String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 255) String name) {

    Learner toLearner() {
        return new Learner(id, username, email, name);
    }
}
