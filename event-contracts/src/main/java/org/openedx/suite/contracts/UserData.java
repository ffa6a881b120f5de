package org.openedx.suite.contracts;

import java.util.Objects;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A user as Open edX events carry it: the LMS user id, whether the account is active, and the personal data. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"id", "is_active", "pii"})
public record UserData(@JsonProperty(required = true) long id, @JsonProperty(required = true) boolean isActive,
                       @Valid UserPersonalData pii) {

    public UserData {
        Objects.requireNonNull(pii, "pii");
    }
}
