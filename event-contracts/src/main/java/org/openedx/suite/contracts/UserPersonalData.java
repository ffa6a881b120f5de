package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Personal data of a user; Open edX keeps it apart from {@link UserData} so it can be stripped. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"username", "email", "name"})
public record UserPersonalData(@NotBlank String username, String email, String name) {

    public UserPersonalData {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
    }
}
