package org.openedx.suite.credentials.learner;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The learners this service knows, kept from the user data that events carry. */
@Service
public class Learners {

    private static final String ENTITY = "learner";

    private final LearnerRepository learners;
    private final EntityVersions versions;

    Learners(LearnerRepository learners, EntityVersions versions) {
        this.learners = learners;
        this.versions = versions;
    }

    /**
     * Creates or updates the learner from an event's user data, unless a newer event already described them: events
     * of different course runs travel on different partitions, so a learner's events can arrive out of order.
     */
    @Transactional
    public void record(UserData user, EventMetadata event) {
        String username = user.pii().username();
        // the version row is also a lock: two events of one learner wait for each other instead of both inserting
        if (!versions.advance(ENTITY, username, event)) {
            return;
        }
        Learner learner = learners.findByUsername(username).orElseGet(() -> new Learner(username));
        learner.describe(user.id(), user.pii().email(), user.pii().name(), event.time());
        learners.save(learner);
    }

    @Transactional(readOnly = true)
    LearnerResponse find(String username) {
        return learners.findByUsername(username).map(LearnerResponse::of)
                .orElseThrow(() -> ApiException.notFound("no learner " + username));
    }
}
