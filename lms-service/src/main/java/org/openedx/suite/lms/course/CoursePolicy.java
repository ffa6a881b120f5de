package org.openedx.suite.lms.course;

import java.math.BigDecimal;

/**
 * How a course run grades: the course percent a learner needs to pass, and whether the run offers academic credit
 * (which makes exam outcomes credit requirements).
 */
public record CoursePolicy(BigDecimal passingGrade, boolean creditCourse) {

    /** A course nobody has set a policy for. */
    public static final CoursePolicy DEFAULT = new CoursePolicy(GradingPolicy.DEFAULT_PASSING_GRADE, false);
}
