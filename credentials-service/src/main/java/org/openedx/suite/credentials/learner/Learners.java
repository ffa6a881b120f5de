package org.openedx.suite.credentials.learner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
     * Locks and loads the learners some events may describe, so that the events can then be recorded one after the
     * other in memory. Runs in the caller's transaction, which the versions and the changes belong to.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recorder recorder(Collection<String> usernames) {
        // sorted, so that two transactions locking the same learners wait for each other instead of deadlocking
        EntityVersions.Locked newest = versions.lock(ENTITY, new TreeSet<>(usernames));
        Map<String, Learner> known = new HashMap<>();
        learners.findByUsernameIn(usernames).forEach(learner -> known.put(learner.username(), learner));
        return new Recorder(newest, known);
    }

    @Transactional(readOnly = true)
    LearnerResponse find(String username) {
        return learners.findByUsername(username).map(LearnerResponse::of)
                .orElseThrow(() -> ApiException.notFound("no learner " + username));
    }

    /** Records learners from events' user data, without a statement until {@link #saveNew} and the flush. */
    public final class Recorder {

        private final EntityVersions.Locked newest;
        private final Map<String, Learner> known;
        private final List<Learner> created = new ArrayList<>();

        private Recorder(EntityVersions.Locked newest, Map<String, Learner> known) {
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
            Learner learner = known.computeIfAbsent(username, name -> {
                Learner first = new Learner(name);
                created.add(first);
                return first;
            });
            learner.describe(user.id(), user.pii().email(), user.pii().name(), event.time());
        }

        /**
         * Saves the learners seen for the first time; the flush writes them before whatever is saved after this call
         * (credentials refer to their learner), and writes the changes of known learners too.
         */
        public void saveNew() {
            learners.saveAll(created);
            created.clear();
        }
    }
}
