package org.openedx.suite.cms.content;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A block as the CMS holds it, with its children in order and its tags. */
@Schema(name = "Block")
record BlockResponse(
        String usageKey,
        String courseKey,
        @Schema(description = "none for a chapter") @Nullable String parentUsageKey,
        BlockType blockType,
        String displayName,
        @Nullable String text,
        @Schema(description = "the usage keys of its children, in order") List<String> children,
        List<Tag> tags,
        Instant createdAt,
        @Schema(description = "the time of its last change, and of its events") Instant editedAt,
        @Schema(description = "last publish; null until first published") @Nullable Instant publishedAt) {

    static BlockResponse of(Block block, List<Block> children) {
        return new BlockResponse(block.usageKey(), block.courseKey(),
                block.parent() == null ? null : block.parent().usageKey(), block.blockType(), block.displayName(),
                block.text(), children.stream().map(Block::usageKey).toList(),
                block.tags().stream().sorted(java.util.Comparator.comparing(Tag::key)).toList(), block.createdAt(),
                block.editedAt(), block.publishedAt());
    }
}
