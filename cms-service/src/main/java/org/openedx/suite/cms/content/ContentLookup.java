package org.openedx.suite.cms.content;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of the CMS may know of a block without authoring it: which course it is in, and its type. */
@Component
public class ContentLookup {

    /** A block as seen from outside authoring. */
    public record BlockInfo(String usageKey, String courseKey, BlockType blockType) {
    }

    private final BlockRepository blocks;

    ContentLookup(BlockRepository blocks) {
        this.blocks = blocks;
    }

    @Transactional(readOnly = true)
    public Optional<BlockInfo> find(String usageKey) {
        return blocks.findById(usageKey).map(block -> new BlockInfo(block.usageKey(), block.courseKey(),
                block.blockType()));
    }
}
