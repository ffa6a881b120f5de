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
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.credentials.CredentialsApi;
import org.openedx.suite.credentials.CredentialsApi.Credential;
import org.openedx.suite.credentials.CredentialsServiceTest;
import org.openedx.suite.credentials.Lms;
import org.openedx.suite.credentials.Lms.Learner;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.core.ParameterizedTypeReference;

/** The LMS's certificate events, as they arrive on the bus, become learners' course-run credentials. */
@CredentialsServiceTest
class CertificateEventsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Instant T1 = Instant.parse("2026-06-01T10:00:00.123456Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);

    private final CredentialsApi api;
    private final Lms lms;
    String courseKey;
    Learner ada;

    CertificateEventsTest(CredentialsApi api, Lms lms) {
        this.api = api;
        this.lms = lms;
    }

    @BeforeEach
    void setUp() {
        courseKey = newCourseKey();
        ada = Learner.named("Ada Lovelace");
    }

    @Test
    void a_created_certificate_awards_the_learner_a_credential_for_the_course_run() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);

        Credential credential = await().atMost(EVENTUALLY)
                .until(() -> api.credentialsOf(ada.username()), list -> !list.isEmpty()).get(0);
        assertThat(credential.uuid()).isNotNull();
        assertThat(credential.username()).isEqualTo(ada.username());
        assertThat(credential.courseKey()).isEqualTo(courseKey);
        assertThat(credential.certificateType()).isEqualTo("verified");
        assertThat(credential.status()).isEqualTo("awarded");
        assertThat(credential.modified()).isEqualTo(T1);
        assertThat(api.credential(credential.uuid())).isEqualTo(credential);
    }

    @Test
    void the_learner_is_known_from_the_user_data_of_the_certificate_event() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "honor"), T1);

        await().atMost(EVENTUALLY).until(() -> api.knowsLearner(ada.username()));
        CredentialsApi.Learner learner = api.learner(ada.username());
        assertThat(learner.userId()).isEqualTo(ada.id());
        assertThat(learner.email()).isEqualTo(ada.email());
        assertThat(learner.name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void a_revoked_certificate_revokes_the_credential() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "verified"), T2);

        Credential credential = eventuallyOnlyCredentialOf(ada, c -> c.modified().equals(T2));
        assertThat(credential.status()).isEqualTo("revoked");
        assertThat(credential.courseKey()).isEqualTo(courseKey);
    }

    @Test
    void a_certificate_created_again_after_its_revocation_awards_the_same_credential_again() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);
        UUID uuid = eventuallyOnlyCredentialOf(ada, c -> c.status().equals("awarded")).uuid();
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "verified"), T2);
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T3);

        Credential credential = eventuallyOnlyCredentialOf(ada, c -> c.modified().equals(T3));
        assertThat(credential.status()).isEqualTo("awarded");
        assertThat(credential.uuid()).isEqualTo(uuid);
    }

    @Test
    void a_changed_certificate_updates_the_certificate_type_and_the_learners_name_and_keeps_the_award() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "honor"), T1);
        Learner renamed = ada.renamed("Ada King");
        lms.send(CERTIFICATE_CHANGED, downloadable(renamed, courseKey, "verified"), T2);

        Credential credential = eventuallyOnlyCredentialOf(ada, c -> c.modified().equals(T2));
        assertThat(credential.certificateType()).isEqualTo("verified");
        assertThat(credential.status()).isEqualTo("awarded");
        assertThat(api.learner(ada.username()).name()).isEqualTo("Ada King");
    }

    @Test
    void a_changed_certificate_does_not_award_a_revoked_credential() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "verified"), T2);
        lms.send(CERTIFICATE_CHANGED, notPassing(ada, courseKey, "professional"), T3);

        Credential credential = eventuallyOnlyCredentialOf(ada, c -> c.modified().equals(T3));
        assertThat(credential.certificateType()).isEqualTo("professional");
        assertThat(credential.status()).isEqualTo("revoked");
    }

    @Test
    void an_audit_certificate_earns_no_credential() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "audit"), T1);
        lms.send(CERTIFICATE_CHANGED, downloadable(ada, courseKey, "audit"), T2);

        eventsOfTheCourseSoFarWereApplied();
        assertThat(api.credentialsOf(ada.username())).isEmpty();
        assertThat(api.knowsLearner(ada.username())).isFalse();
    }

    @Test
    void losing_the_certificate_in_audit_mode_still_revokes_a_credential_earned_before() {
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "audit"), T2);

        Credential credential = eventuallyOnlyCredentialOf(ada, c -> c.modified().equals(T2));
        assertThat(credential.status()).isEqualTo("revoked");
        assertThat(credential.certificateType()).isEqualTo("verified");
    }

    @Test
    void an_event_delivered_three_times_takes_effect_once() {
        UUID created = UUID.randomUUID();
        for (int delivery = 0; delivery < 3; delivery++) {
            lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), created, T1);
        }
        // a revocation at the same event time wins over what came before; only a repeated "created" could undo it
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "verified"), T1);
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), created, T1);

        eventsOfTheCourseSoFarWereApplied();
        assertThat(api.credentialsOf(ada.username())).singleElement()
                .satisfies(credential -> assertThat(credential.status()).isEqualTo("revoked"));
        assertThat(api.learner(ada.username()).username()).isEqualTo(ada.username());
    }

    @Test
    void a_revocation_of_a_certificate_never_seen_records_the_credential_as_revoked() {
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "verified"), T2);

        Credential credential = eventuallyOnlyCredentialOf(ada, c -> true);
        assertThat(credential.status()).isEqualTo("revoked");
        assertThat(credential.certificateType()).isEqualTo("verified");
    }

    @Test
    void a_creation_older_than_an_applied_revocation_is_ignored() {
        lms.send(CERTIFICATE_REVOKED, notPassing(ada, courseKey, "verified"), T2);
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);

        eventsOfTheCourseSoFarWereApplied();
        assertThat(api.credentialsOf(ada.username())).singleElement().satisfies(credential -> {
            assertThat(credential.status()).isEqualTo("revoked");
            assertThat(credential.modified()).isEqualTo(T2);
        });
    }

    @Test
    void a_change_that_arrives_before_the_creation_it_followed_leaves_the_credential_as_the_change_says() {
        lms.send(CERTIFICATE_CHANGED, downloadable(ada, courseKey, "professional"), T2);
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T1);

        eventsOfTheCourseSoFarWereApplied();
        assertThat(api.credentialsOf(ada.username())).singleElement().satisfies(credential -> {
            assertThat(credential.status()).isEqualTo("awarded");
            assertThat(credential.certificateType()).isEqualTo("professional");
            assertThat(credential.modified()).isEqualTo(T2);
        });
    }

    @Test
    void the_newest_name_of_a_learner_wins_across_course_runs() {
        String otherCourse = newCourseKey();
        lms.send(CERTIFICATE_CREATED, downloadable(ada.renamed("Ada King"), courseKey, "verified"), T2);
        lms.send(CERTIFICATE_CREATED, downloadable(ada, otherCourse, "verified"), T1);

        await().atMost(EVENTUALLY).until(() -> api.credentialsOf(ada.username()), list -> list.size() == 2);
        assertThat(api.learner(ada.username()).name()).isEqualTo("Ada King");
    }

    @Test
    void a_certificate_event_that_cannot_be_applied_goes_to_the_dead_letter_topic_and_the_next_one_is_applied() {
        CertificateData malformed = Lms.withMalformedCourseKey(ada);
        UUID poison = UUID.randomUUID();
        // keyed like the course it claims to belong to, so that the next event waits behind it on the same partition
        lms.send(courseKey, EventJson.write(new CertificateEvent(malformed)),
                Lms.headers(CERTIFICATE_CREATED, poison, T1));
        lms.send(CERTIFICATE_CREATED, downloadable(ada, courseKey, "verified"), T2);

        eventuallyOnlyCredentialOf(ada, c -> c.status().equals("awarded"));
        Message deadLetter = await().atMost(EVENTUALLY).until(() -> deadLetter(poison), letter -> letter != null);
        assertThat(deadLetter.header("kafka_dlt-exception-message")).contains("certificate.course.course_key must be a course key");
        // ?all=true: without it the endpoint answers 400 "Missing parameters: all" (its parameter is not @Nullable)
        api.getAsOperator("/actuator/deadletters?all=true")
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.event_id == '%s')].error".formatted(poison))
                .value(new ParameterizedTypeReference<List<String>>() { },
                        errors -> assertThat(errors).singleElement().asString().contains("certificate.course.course_key must be a course key"));
        assertThat(api.credentialsOf(ada.username())).singleElement()
                .satisfies(credential -> assertThat(credential.courseKey()).isEqualTo(courseKey));
    }

    private Credential eventuallyOnlyCredentialOf(Learner learner, Predicate<Credential> state) {
        List<Credential> credentials = await().atMost(EVENTUALLY).until(() -> api.credentialsOf(learner.username()),
                list -> list.size() == 1 && state.test(list.get(0)));
        return credentials.get(0);
    }

    /**
     * Events of one course run travel in order on one partition: once a later event of the course took effect (here
     * another learner's credential), every event sent before it has been applied or ignored.
     */
    private void eventsOfTheCourseSoFarWereApplied() {
        Learner marker = Learner.named("Marker Learner");
        lms.send(CERTIFICATE_CREATED, downloadable(marker, courseKey, "honor"), T1);
        await().atMost(EVENTUALLY).until(() -> api.credentialsOf(marker.username()), list -> list.size() == 1);
    }

    private Message deadLetter(UUID eventId) {
        return lms.deadLetter(eventId);
    }
}
