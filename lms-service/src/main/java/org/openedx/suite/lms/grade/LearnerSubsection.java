package org.openedx.suite.lms.grade;

/** A learner's subsection, as a batch of grade changes names it. */
public record LearnerSubsection(long userId, String usageKey) {
}
