package org.openedx.suite.credentials.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.CERTIFICATE_CHANGED;
import static org.openedx.suite.contracts.OpenEdxEvents.CERTIFICATE_CREATED;
import static org.openedx.suite.contracts.OpenEdxEvents.CERTIFICATE_REVOKED;
import static org.openedx.suite.credentials.Lms.downloadable;
import static org.openedx.suite.credentials.Lms.newCourseKey;
import static org.openedx.suite.credentials.Lms.notPassing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.credentials.CredentialsApi;
import org.openedx.suite.credentials.CredentialsApi.Credential;
import org.openedx.suite.credentials.CredentialsServiceTest;
import org.openedx.suite.credentials.Lms;
import org.openedx.suite.credentials.Lms.Learner;
import org.openedx.suite.credentials.Lms.Sent;
import org.openedx.suite.testsupport.KafkaTestClient.Outgoing;

/**
 * A busy LMS's certificate events reach the service many to a poll and are applied together; they leave the
 * credentials and learners exactly as applying them one at a time, in the order they arrived, would.
 */
@CredentialsServiceTest
class CertificateEventBatchesTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);

    private final CredentialsApi api;
    private final Lms lms;
    /** A learner per course whose credential shows that the course's events sent before it were applied. */
    final Map<String, Learner> markers = new HashMap<>();

    CertificateEventBatchesTest(CredentialsApi api, Lms lms) {
        this.api = api;
        this.lms = lms;
    }

    @Test
    void a_poll_of_many_events_for_many_learners_and_courses_leaves_what_applying_them_one_by_one_leaves() {
        List<Learner> learners = IntStream.range(0, 6).mapToObj(i -> Learner.named("Learner " + i)).toList();
        List<String> courses = IntStream.range(0, 4).mapToObj(i -> newCourseKey()).toList();
        List<Sent> events = new Burst(new Random(20261126), learners, courses).events(180);

        sendTogetherAndWaitUntilApplied(events, courses);

        OneByOne expected = new OneByOne();
        events.forEach(expected::apply);
        for (Learner learner : learners) {
            assertThat(credentialsOf(learner)).as("credentials of %s", learner.username())
                    .isEqualTo(expected.credentialsOf(learner.username()));
            String name = expected.learnerNames.get(learner.username());
            if (name == null) {
                assertThat(api.knowsLearner(learner.username())).as(learner.username()).isFalse();
            } else {
                assertThat(api.learner(learner.username()).name()).as(learner.username()).isEqualTo(name);
            }
        }
    }

    @Test
    void an_audit_revocation_revokes_a_credential_created_earlier_in_the_same_poll() {
        Learner ada = Learner.named("Ada Lovelace");
        String course = newCourseKey();

        sendTogetherAndWaitUntilApplied(List.of(
                new Sent(CERTIFICATE_CREATED, downloadable(ada, course, "verified"), T1),
                new Sent(CERTIFICATE_REVOKED, notPassing(ada, course, "audit"), T2)), List.of(course));

        assertThat(credentialsOf(ada)).isEqualTo(Map.of(course, new Expected("verified", "revoked", T2)));
    }

    @Test
    void an_audit_revocation_before_any_credential_in_the_poll_changes_nothing_and_the_later_creation_awards() {
        Learner ada = Learner.named("Ada Lovelace");
        String course = newCourseKey();

        sendTogetherAndWaitUntilApplied(List.of(
                new Sent(CERTIFICATE_REVOKED, notPassing(ada.renamed("Ada Audit"), course, "audit"), T3),
                new Sent(CERTIFICATE_CREATED, downloadable(ada, course, "honor"), T1)), List.of(course));

        assertThat(credentialsOf(ada)).isEqualTo(Map.of(course, new Expected("honor", "awarded", T1)));
        assertThat(api.learner(ada.username()).name()).as("the audit event did not describe the learner")
                .isEqualTo("Ada Lovelace");
    }

    @Test
    void a_certificate_created_revoked_and_created_again_in_one_poll_awards_one_credential_whatever_is_redelivered() {
        Learner ada = Learner.named("Ada Lovelace");
        String course = newCourseKey();
        Sent created = new Sent(CERTIFICATE_CREATED, downloadable(ada, course, "verified"), T1);
        Sent revoked = new Sent(CERTIFICATE_REVOKED, notPassing(ada, course, "verified"), T2);
        Sent createdAgain = new Sent(CERTIFICATE_CREATED, downloadable(ada, course, "professional"), T3);

        sendTogetherAndWaitUntilApplied(List.of(created, revoked, created, createdAgain, revoked), List.of(course));

        assertThat(credentialsOf(ada)).isEqualTo(Map.of(course, new Expected("professional", "awarded", T3)));
    }

    @Test
    void newest_wins_among_the_events_before_a_poison_one_when_the_poll_is_applied_one_by_one() {
        Learner ada = Learner.named("Ada Lovelace");
        String course = newCourseKey();
        Sent poison = new Sent(CERTIFICATE_CREATED, Lms.withMalformedCourseKey(ada), T1);

        // the poison makes the poll fall back to one event at a time; those before it are applied in one transaction
        List<Outgoing> poll = new ArrayList<>(List.of(
                new Sent(CERTIFICATE_CREATED, downloadable(ada, course, "verified"), T1).record(),
                new Sent(CERTIFICATE_CHANGED, downloadable(ada, course, "professional"), T3).record(),
                new Sent(CERTIFICATE_REVOKED, notPassing(ada, course, "verified"), T2).record(),
                // keyed like the course it claims to belong to, so that it travels with the events around it
                poison.keyedBy(course)));
        poll.add(marker(course));
        lms.sendTogether(poll);

        awaitMarkers(List.of(course));
        await().atMost(EVENTUALLY).until(() -> lms.deadLetter(poison.id()), letter -> letter != null);
        assertThat(credentialsOf(ada)).isEqualTo(Map.of(course, new Expected("professional", "awarded", T3)));
    }

    /** What the service must hold for one learner's course run: its credential, as the API shows it. */
    record Expected(String certificateType, String status, Instant modified) {
    }

    private Map<String, Expected> credentialsOf(Learner learner) {
        Map<String, Expected> byCourse = new TreeMap<>();
        for (Credential credential : api.credentialsOf(learner.username())) {
            Expected previous = byCourse.put(credential.courseKey(),
                    new Expected(credential.certificateType(), credential.status(), credential.modified()));
            assertThat(previous).as("a second credential for %s", credential.courseKey()).isNull();
        }
        return byCourse;
    }

    /**
     * Sends the events in one go, followed by an event of a marker learner for each course: a course's events
     * travel in order on one partition, so once its marker took effect every event before it was applied or ignored.
     */
    private void sendTogetherAndWaitUntilApplied(List<Sent> events, List<String> courses) {
        List<Outgoing> records = new ArrayList<>(events.stream().map(Sent::record).toList());
        courses.forEach(course -> records.add(marker(course)));
        lms.sendTogether(records);
        awaitMarkers(courses);
    }

    private Outgoing marker(String course) {
        Learner marker = markers.computeIfAbsent(course, c -> Learner.named("Marker Learner"));
        return new Sent(CERTIFICATE_CREATED, downloadable(marker, course, "honor"), T0).record();
    }

    private void awaitMarkers(List<String> courses) {
        for (String course : courses) {
            String marker = markers.get(course).username();
            await().atMost(EVENTUALLY).until(() -> api.credentialsOf(marker), list -> list.size() == 1);
        }
    }

    /**
     * Certificate events as a busy LMS might send them: learners' certificates created, changed and revoked in
     * several modes, audit among them, each learner's events at distinct times but out of order, some delivered
     * twice.
     */
    private record Burst(Random random, List<Learner> learners, List<String> courses) {

        private static final List<String> MODES = List.of("verified", "honor", "professional", "audit", "audit");

        List<Sent> events(int count) {
            List<Sent> events = new ArrayList<>();
            Map<String, Set<Instant>> timesOfLearner = new HashMap<>();
            for (int i = 0; i < count; i++) {
                if (!events.isEmpty() && random.nextInt(10) == 0) {
                    events.add(events.get(random.nextInt(events.size())));
                    continue;
                }
                Learner learner = learners.get(random.nextInt(learners.size()));
                Learner described = learner.renamed(learner.name() + " v" + i);
                String course = courses.get(random.nextInt(courses.size()));
                String mode = MODES.get(random.nextInt(MODES.size()));
                // distinct per learner: of two events at one time in different courses, which is applied last is
                // up to the partitions, and with it the learner's name
                Instant time;
                do {
                    time = T0.plusSeconds(random.nextInt(10_000));
                } while (!timesOfLearner.computeIfAbsent(learner.username(), u -> new HashSet<>()).add(time));
                events.add(switch (random.nextInt(3)) {
                    case 0 -> new Sent(CERTIFICATE_CREATED, downloadable(described, course, mode), time);
                    case 1 -> new Sent(CERTIFICATE_CHANGED, random.nextBoolean()
                            ? downloadable(described, course, mode) : notPassing(described, course, mode), time);
                    default -> new Sent(CERTIFICATE_REVOKED, notPassing(described, course, mode), time);
                });
            }
            return events;
        }
    }

    /**
     * The rules of the credentials service, as the spec states them, applied to one event after the other: what the
     * service must end with.
     */
    private static final class OneByOne {

        private final Set<UUID> applied = new HashSet<>();
        private final Map<String, Map<String, Expected>> credentials = new HashMap<>();
        private final Map<String, Instant> credentialVersions = new HashMap<>();
        private final Map<String, Instant> learnerVersions = new HashMap<>();
        private final Map<String, String> learnerNames = new HashMap<>();

        void apply(Sent event) {
            if (!applied.add(event.id())) {
                return;
            }
            CertificateData certificate = event.certificate();
            String username = certificate.user().pii().username();
            String course = certificate.course().courseKey();
            Map<String, Expected> ofLearner = credentials.computeIfAbsent(username, u -> new TreeMap<>());
            Expected credential = ofLearner.get(course);
            boolean audit = certificate.mode().equals("audit");
            // audit earns nothing, but an audit revocation takes away a credential the learner holds
            if (audit && (event.type() != CERTIFICATE_REVOKED || credential == null)) {
                return;
            }
            if (newest(learnerVersions, username, event.time())) {
                learnerNames.put(username, certificate.user().pii().name());
            }
            if (!newest(credentialVersions, username + "|" + course, event.time())) {
                return;
            }
            Expected next = next(event.type(), certificate, credential, event.time());
            if (next != null) {
                ofLearner.put(course, next);
            }
        }

        private static Expected next(EventType<CertificateEvent> type, CertificateData certificate,
                                     Expected credential, Instant time) {
            String mode = certificate.mode();
            if (credential == null) {
                if (type == CERTIFICATE_CHANGED) {
                    // a change of a credential never seen awards it only when the certificate is downloadable
                    return certificate.currentStatus().equals("downloadable")
                            ? new Expected(mode, "awarded", time) : null;
                }
                return new Expected(mode, type == CERTIFICATE_CREATED ? "awarded" : "revoked", time);
            }
            if (type == CERTIFICATE_CREATED) {
                return new Expected(mode, "awarded", time);
            }
            if (type == CERTIFICATE_CHANGED) {
                return new Expected(mode, credential.status(), time);
            }
            return new Expected(mode.equals("audit") ? credential.certificateType() : mode, "revoked", time);
        }

        /** Newest wins: an event not older than the last one applied to the entity is applied. */
        private static boolean newest(Map<String, Instant> versions, String key, Instant time) {
            Instant version = versions.get(key);
            if (version != null && time.isBefore(version)) {
                return false;
            }
            versions.put(key, time);
            return true;
        }

        Map<String, Expected> credentialsOf(String username) {
            return credentials.getOrDefault(username, Map.of());
        }
    }
}
