package org.openedx.suite.lms.enrollment;

import java.time.Instant;

/**
 * Published in the transaction that changed a learner's mode in a course: the certificate follows the mode, which
 * the certificates feature applies in the same transaction.
 */
public record EnrollmentModeChanged(long userId, String courseKey, CourseMode from, CourseMode to, Instant at) {
}
