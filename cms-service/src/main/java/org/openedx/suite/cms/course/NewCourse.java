package org.openedx.suite.cms.course;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CourseKey;

/** Body of {@code POST /api/courses}. */
@Schema(name = "NewCourse")
record NewCourse(
        @Schema(example = "course-v1:edX+DemoX+2026", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Size(max = 255) @CourseKey String courseKey,
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
