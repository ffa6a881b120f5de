package org.openedx.suite.contracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Payload of {@code org.openedx.learning.badge.{awarded,revoked}.v1}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BadgeEvent(@Valid BadgeData badge) {

    public BadgeEvent {
        Objects.requireNonNull(badge, "badge");
    }

    /** A learner's badge: its own uuid, its holder and the template it was earned under. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"uuid", "user", "template"})
    public record BadgeData(String uuid, @Valid UserData user, BadgeTemplateData template) {

        public BadgeData {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(template, "template");
        }
    }

    /** @param origin where the badge is issued: {@code credly}, {@code accredible} or {@code internal} */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"uuid", "origin", "name", "description", "image_url"})
    public record BadgeTemplateData(String uuid, String origin, @Nullable String name, @Nullable String description,
                                    @Nullable String imageUrl) {

        public BadgeTemplateData {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
