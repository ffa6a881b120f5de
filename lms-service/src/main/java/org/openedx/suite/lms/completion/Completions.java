package org.openedx.suite.lms.completion;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.openedx.suite.eventbus.LoadedRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** How far learners got through the blocks of a course, 0..1 per block. */
@Service
public class Completions {

    /** A learner's block. */
    public record Block(long userId, String courseKey, String usageKey) {
    }

    private final BlockCompletionRepository completions;
    private final EntityManager entityManager;

    Completions(BlockCompletionRepository completions, EntityManager entityManager) {
        this.completions = completions;
        this.entityManager = entityManager;
    }

    /** The completions of the blocks there are, read in one query, for changes made in memory and written at the flush. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LoadedRows<Block, BlockCompletion> load(Collection<Block> blocks) {
        List<BlockCompletion> stored = blocks.isEmpty() ? List.of() : completions.findOfBlocks(
                blocks.stream().map(Block::userId).toArray(Long[]::new),
                blocks.stream().map(Block::usageKey).toArray(String[]::new));
        return LoadedRows.of(entityManager, stored, BlockCompletion::block);
    }

    @Transactional(readOnly = true)
    List<BlockCompletion> of(long userId, String courseKey) {
        return completions.findByUserIdAndCourseKeyOrderByUsageKey(userId, courseKey);
    }
}
