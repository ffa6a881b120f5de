package org.openedx.suite.credentials.learner;

import java.time.Instant;

/**
 * @param userId   the learner's id in the LMS
 * @param modified time of the event the learner's data was last taken from
 */
record LearnerResponse(String username, long userId, String email, String name, Instant modified) {

    static LearnerResponse of(Learner learner) {
        return new LearnerResponse(learner.username(), learner.userId(), learner.email(), learner.name(),
                learner.modified());
    }
}
