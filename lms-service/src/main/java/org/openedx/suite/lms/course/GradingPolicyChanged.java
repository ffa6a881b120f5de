package org.openedx.suite.lms.course;

/**
 * Published in the transaction that moved a course's passing grade: the line may now lie on the other side of some
 * learners, which the grades feature re-evaluates in the same transaction. It carries no time: what a learner's
 * re-evaluation announces is stamped once that learner's lock is held.
 */
public record GradingPolicyChanged(String courseKey) {
}
