package org.openedx.suite.credentials.learner;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.InboundEvents;
import org.openedx.suite.eventbus.LoadedRows;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The learners this service knows, kept from the user data that events carry. */
@Service
public class Learners {

    private static final String ENTITY = "learner";

    private final LearnerRepository learners;
    private final EntityManager entityManager;

    Learners(LearnerRepository learners, EntityManager entityManager) {
        this.learners = learners;
        this.entityManager = entityManager;
    }

    /**
     * Locks the versions of the learners some events may describe, and loads them, so that the events can then be
     * recorded one after the other in memory. Runs in the events' transaction, which the changes belong to.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recorder recorder(InboundEvents<?> events, Collection<String> usernames) {
        EntityVersions.Locked newest = events.lock(ENTITY, usernames);
        List<Learner> known = learners.findAllByUsername(usernames.toArray(String[]::new));
        return new Recorder(newest, LoadedRows.of(entityManager, known, Learner::username));
    }

    /** The learners of these usernames as events carry them ({@code UserData}), by username. */
    @Transactional(readOnly = true)
    public java.util.Map<String, UserData> usersByName(Collection<String> usernames) {
        java.util.Map<String, UserData> users = new java.util.HashMap<>();
        for (Learner learner : learners.findAllByUsername(usernames.toArray(String[]::new))) {
            users.put(learner.username(), learner.toUserData());
        }
        return users;
    }

    @Transactional(readOnly = true)
    LearnerResponse find(String username) {
        return learners.findByUsername(username).map(LearnerResponse::of)
                .orElseThrow(() -> ApiException.notFound("no learner " + username));
    }

    /** Records learners from events' user data, in memory until the flush. */
    public static final class Recorder {

        private final EntityVersions.Locked newest;
        private final LoadedRows<String, Learner> known;

        private Recorder(EntityVersions.Locked newest, LoadedRows<String, Learner> known) {
            this.newest = newest;
            this.known = known;
        }

        /**
         * Creates or updates the learner from an event's user data, unless a newer event already described them:
         * events of different course runs travel on different partitions, so a learner's events can arrive out of
         * order.
         */
        public void record(UserData user, EventMetadata event) {
            String username = user.pii().username();
            if (!newest.advance(username, event)) {
                return;
            }
            known.change(username, () -> new Learner(username),
                    learner -> learner.describe(user.id(), user.pii().email(), user.pii().name(), event.time()));
        }
    }
}
