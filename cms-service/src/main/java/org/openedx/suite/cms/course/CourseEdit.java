package org.openedx.suite.cms.course;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/courses/{course_key}}: the whole new state of the course, as on creation but without the
 * key (the path names the course). Optional fields left out go back to their defaults.
 */
@Schema(name = "CourseEdit")
record CourseEdit(
        @Schema(example = "Demonstration Course", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 255) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull Instant start,
        @Schema(description = "after start") @Nullable Instant end,
        @Nullable Instant enrollmentStart,
        @Schema(description = "after enrollment_start") @Nullable Instant enrollmentEnd,
        @Schema(defaultValue = "instructor") @Nullable Pacing pacing,
        @Schema(defaultValue = "both") @Nullable CatalogVisibility catalogVisibility,
        @Schema(defaultValue = "false") @Nullable Boolean invitationOnly,
        @Schema(description = "the content's language, an ISO 639-1 code; blocks are tagged with it",
                defaultValue = "en", example = "fr") @Nullable @Size(max = 16) String language) {

    CourseDetails details() {
        return CourseDetails.of(name, start, end, enrollmentStart, enrollmentEnd, pacing, catalogVisibility,
                invitationOnly, language);
    }
}
