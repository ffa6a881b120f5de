package org.openedx.suite.lms.grade;

import java.time.Instant;

import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.user.User;

/**
 * Published in the transaction in which a learner crossed the passing line of a course, after the passing status
 * event: certificates follow passing, which the certificates feature applies in the same transaction.
 */
public record CoursePassingChanged(User user, CourseOverview course, Standing standing, Instant at) {
}
