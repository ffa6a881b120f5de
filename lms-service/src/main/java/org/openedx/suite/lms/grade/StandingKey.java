package org.openedx.suite.lms.grade;

/** What identifies a standing, and its {@code course_grade} row: a learner in a course. */
record StandingKey(long userId, String courseKey) {
}
