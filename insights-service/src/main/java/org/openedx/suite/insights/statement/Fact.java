package org.openedx.suite.insights.statement;

import java.math.BigDecimal;

/**
 * What a statement says about a learner's state in a course, for the figures: the newest event of each
 * (facet, course, learner, object) wins.
 *
 * @param objectKey the usage key of a subsection, exam or block; empty for a facet of the whole course
 * @param status    enrollment {@code active}/{@code inactive} ({@code null} for a mode change, which keeps it);
 *                  passing {@code passed}/{@code failed}; certificate {@code awarded}/{@code revoked}; exam
 *                  {@code submitted}/{@code verified}/{@code rejected}/{@code error}/{@code deleted}; a subsection's
 *                  {@code graded}; a block's {@code progressed}
 * @param detail    the enrollment mode, the certificate's enrollment mode or the exam type; may be null
 * @param earned    a subsection's weighted earned score, or a block's completion (0..1); else null
 * @param possible  a subsection's weighted possible score; else null
 */
public record Fact(Facet facet, String objectKey, String status, String detail, BigDecimal earned,
                   BigDecimal possible) {

    /** The kinds of state, each its own newest-wins entity type. */
    public enum Facet {
        ENROLLMENT("enrollment"),
        PASSING("course-passing"),
        CERTIFICATE("certificate"),
        SUBSECTION_GRADE("subsection-grade"),
        EXAM("exam-attempt"),
        COMPLETION("block-completion");

        private final String entityType;

        Facet(String entityType) {
            this.entityType = entityType;
        }

        /** The newest-wins entity type, also the {@code facet} column. */
        public String entityType() {
            return entityType;
        }
    }
}
