package org.openedx.suite.cms.content;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.UsageKey;

/**
 * Body of {@code PUT /api/blocks/{usage_key}}: the block's display name and text; with {@code parent_usage_key}, a
 * move to the end of that parent (left out, the block stays where it is).
 */
@Schema(name = "BlockEdit")
record BlockEdit(
        @Schema(example = "Welcome", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 255) String displayName,
        @Nullable @Size(max = NewBlock.MAX_TEXT) String text,
        @Schema(description = "move the block to the end of this parent") @Nullable @UsageKey String parentUsageKey) {
}
