package org.openedx.suite.lms.completion;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** How far a learner got through a block of a course, 0..1. */
@Entity
public class BlockCompletion {

    // a sequence drawn 50 at a time (V2), so that the rows a poll of exam events creates are inserted in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "block_completion_id_seq")
    @SequenceGenerator(name = "block_completion_id_seq", sequenceName = "block_completion_id_seq",
            allocationSize = 50)
    private Long id;

    private long userId;
    private String courseKey;
    private String usageKey;
    private double completion;
    private Instant modified;

    protected BlockCompletion() {
    }

    /** The learner's block, not completed yet. */
    public BlockCompletion(Completions.Block block) {
        this.userId = block.userId();
        this.courseKey = block.courseKey();
        this.usageKey = block.usageKey();
    }

    public void complete(Instant at) {
        set(1.0, at);
    }

    /** Back to 0, as Open edX does on an exam reset. */
    public void reset(Instant at) {
        set(0.0, at);
    }

    private void set(double completion, Instant at) {
        this.completion = completion;
        this.modified = at;
    }

    Completions.Block block() {
        return new Completions.Block(userId, courseKey, usageKey);
    }

    long userId() {
        return userId;
    }

    String usageKey() {
        return usageKey;
    }

    public double completion() {
        return completion;
    }
}
