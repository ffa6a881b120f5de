package org.openedx.suite.exams.attempt;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A user as the LMS knows them: its user id and personal data, as the events will carry them. */
record UserRequest(
        @NotNull @Positive Long id,
        @NotBlank String username,
        @NotBlank @Email String email,
        @NotNull String name) {

    Learner toLearner() {
        return new Learner(id, username, email, name);
    }
}
