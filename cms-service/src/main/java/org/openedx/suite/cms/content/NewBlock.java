package org.openedx.suite.cms.content;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.UsageKey;

/** Body of {@code POST /api/courses/{course_key}/blocks}. */
@Schema(name = "NewBlock")
record NewBlock(
        @Schema(description = "the block to add it under, last; none for a chapter (directly under the course)")
        @Nullable @UsageKey String parentUsageKey,
        @Schema(example = "html", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Pattern(regexp = BLOCK_TYPES, message = "must be one of chapter, sequential, vertical, problem, html, video")
        String blockType,
        @Schema(example = "Welcome", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 255) String displayName,
        @Schema(description = "plain text a search reads: an html block's text, a problem's, a video's transcript")
        @Nullable @Size(max = MAX_TEXT) String text) {

    static final String BLOCK_TYPES = "chapter|sequential|vertical|problem|html|video";
    static final int MAX_TEXT = 100_000;

    BlockType type() {
        return BlockType.of(blockType).orElseThrow();
    }
}
