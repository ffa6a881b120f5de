package org.openedx.suite.lms.completion;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** How far learners got through the blocks of a course, 0..1 per block. */
@Service
public class Completions {

    private final BlockCompletionRepository completions;

    Completions(BlockCompletionRepository completions) {
        this.completions = completions;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(long userId, String courseKey, String usageKey) {
        BlockCompletion completion = completions.findByUserIdAndUsageKey(userId, usageKey)
                .orElseGet(() -> new BlockCompletion(userId, courseKey, usageKey));
        completion.set(1.0, Instant.now());
        completions.save(completion);
    }

    /** Back to 0, as Open edX does on an exam reset; a block the learner never completed stays unrecorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reset(long userId, String usageKey) {
        completions.findByUserIdAndUsageKey(userId, usageKey).ifPresent(completion -> {
            completion.set(0.0, Instant.now());
            completions.save(completion);
        });
    }

    @Transactional(readOnly = true)
    List<BlockCompletion> of(long userId, String courseKey) {
        return completions.findByUserIdAndCourseKeyOrderByUsageKey(userId, courseKey);
    }
}
