package org.openedx.suite.lms.completion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.openedx.suite.lms.batch.KeyedRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** How far learners got through the blocks of a course, 0..1 per block. */
@Service
public class Completions {

    /** A learner's block, as a batch of changes names it. */
    public record Block(long userId, String courseKey, String usageKey) {
    }

    private record Key(long userId, String usageKey) {
    }

    private final BlockCompletionRepository completions;

    Completions(BlockCompletionRepository completions) {
        this.completions = completions;
    }

    /** Reads the completions of the blocks in one query, for a batch of changes made in memory. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Batch batchOf(Collection<Block> blocks) {
        List<BlockCompletion> stored = blocks.isEmpty() ? List.of() : completions.findOfBlocks(
                blocks.stream().map(Block::userId).toArray(Long[]::new),
                blocks.stream().map(Block::usageKey).toArray(String[]::new));
        return new Batch(new KeyedRows<>(stored, completion -> new Key(completion.userId(), completion.usageKey())));
    }

    @Transactional(readOnly = true)
    List<BlockCompletion> of(long userId, String courseKey) {
        return completions.findByUserIdAndCourseKeyOrderByUsageKey(userId, courseKey);
    }

    /** Completions of some learners' blocks, changed in memory; {@link #store} before the flush. */
    public final class Batch {

        private final KeyedRows<Key, BlockCompletion> rows;

        private Batch(KeyedRows<Key, BlockCompletion> rows) {
            this.rows = rows;
        }

        public void complete(long userId, String courseKey, String usageKey) {
            rows.findOrCreate(new Key(userId, usageKey), () -> new BlockCompletion(userId, courseKey, usageKey),
                    never -> { }).set(1.0, Instant.now());
        }

        /** Back to 0, as Open edX does on an exam reset; a block the learner never completed stays unrecorded. */
        public void reset(long userId, String usageKey) {
            rows.find(new Key(userId, usageKey)).ifPresent(completion -> completion.set(0.0, Instant.now()));
        }

        /** Hands the completions created to JPA; they are written, with the changed ones, at the flush. */
        public void store() {
            rows.store(completions);
        }
    }
}
