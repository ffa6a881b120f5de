package org.openedx.suite.exams.attempt;

import org.openedx.suite.web.security.Caller;

/** A user as the LMS knows them; the exams service keeps no users of its own. */
record Learner(long id, String username, String email, String name) {

    /** The user a token speaks for, as the LMS put them in it. */
    static Learner of(Caller caller) {
        return new Learner(caller.userId(), caller.username(), caller.email() == null ? "" : caller.email(),
                caller.name());
    }
}
