package org.openedx.suite.exams.attempt;

/** A user as the LMS knows them; the exams service keeps no users of its own. */
record Learner(long id, String username, String email, String name) {
}
