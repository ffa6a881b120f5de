package org.openedx.suite.cms.tagging;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/blocks/{usage_key}/tags}. */
@Schema(name = "NewTag")
record NewTag(
        @Schema(example = "Language", requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 64)
        String taxonomy,
        @Schema(example = "fr", requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 255)
        String value) {
}
