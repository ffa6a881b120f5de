package org.openedx.suite.lms.course;

import java.time.Instant;

/**
 * Published in the transaction that moved a course's passing grade: the line may now lie on the other side of some
 * learners, which the grades feature re-evaluates in the same transaction.
 */
public record GradingPolicyChanged(String courseKey, Instant at) {
}
