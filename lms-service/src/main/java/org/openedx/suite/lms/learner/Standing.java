package org.openedx.suite.lms.learner;

import java.math.BigDecimal;

/**
 * A learner's standing in a course: the course percent (0..1, two decimals) and whether it reaches the passing
 * grade.
 */
public record Standing(BigDecimal percent, boolean passed) {

    /** A learner without any score in the course. */
    public static final Standing NONE = new Standing(new BigDecimal("0.00"), false);
}
