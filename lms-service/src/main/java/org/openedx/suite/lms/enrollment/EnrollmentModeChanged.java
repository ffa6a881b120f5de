package org.openedx.suite.lms.enrollment;

/**
 * Published in the transaction that changed a learner's mode in a course: the certificate follows the mode, which
 * the certificates feature applies in the same transaction. It carries no time: the certificate's change is stamped
 * once the learner's standing is locked.
 */
public record EnrollmentModeChanged(long userId, String courseKey, CourseMode from, CourseMode to) {
}
