package org.openedx.suite.cms.tagging;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/taxonomies}. */
@Schema(name = "NewTaxonomy")
record NewTaxonomy(
        @Schema(example = "Difficulty", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 64) @Pattern(regexp = "[^:]+", message = "must not contain ':'") String name,
        @Schema(example = "[\"introductory\", \"advanced\"]", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotEmpty @Size(max = 500) List<@NotNull @NotBlank @Size(max = 255) String> values) {
}
