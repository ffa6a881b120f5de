package org.openedx.suite.credentials.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.CERTIFICATE_CREATED;
import static org.openedx.suite.contracts.OpenEdxEvents.CERTIFICATE_REVOKED;
import static org.openedx.suite.credentials.Lms.downloadable;
import static org.openedx.suite.credentials.Lms.newCourseKey;
import static org.openedx.suite.credentials.Lms.notPassing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.ProgramCertificateEvent;
import org.openedx.suite.credentials.CredentialsServiceTest;
import org.openedx.suite.credentials.Lms;
import org.openedx.suite.credentials.Lms.Learner;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Program certificate sync (issue 14): a learner holding a credential for every course run of a program is awarded
 * its certificate, announced on learning-program-certificate-lifecycle keyed by the program's uuid; losing one of
 * those credentials revokes it; a program set up after the fact awards it to those who already qualify.
 */
@CredentialsServiceTest
class ProgramCertificatesTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Instant T1 = Instant.parse("2026-06-01T10:00:00.123456Z");

    private final RestTestClient http;
    private final Lms lms;
    private final KafkaTestClient kafka;
    private final String topic;

    ProgramCertificatesTest(RestTestClient http, Lms lms, EventBusTopics topics,
                            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.http = http;
        this.lms = lms;
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.topic = topics.topicOf(OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED);
    }

    @Test
    void holding_every_course_credential_awards_the_program_certificate_and_losing_one_revokes_it() {
        String first = newCourseKey();
        String second = newCourseKey();
        String program = createProgram("Data Science", first, second);
        Learner ada = Learner.named("Ada Lovelace");

        lms.send(CERTIFICATE_CREATED, downloadable(ada, first, "verified"), T1);
        await().atMost(EVENTUALLY).until(() -> credentialsOf(ada).size() == 1);
        assertThat(certificatesOf(ada)).isEmpty();

        lms.send(CERTIFICATE_CREATED, downloadable(ada, second, "verified"), T1.plusSeconds(60));
        JsonNode awarded = await().atMost(EVENTUALLY).until(() -> certificatesOf(ada), list -> !list.isEmpty()).get(0);
        assertThat(awarded.get("program_uuid").asString()).isEqualTo(program);
        assertThat(awarded.get("status").asString()).isEqualTo("awarded");
        assertThat(awarded.get("program_title").asString()).isEqualTo("Data Science");

        lms.send(CERTIFICATE_REVOKED, notPassing(ada, second, "verified"), T1.plusSeconds(120));
        await().atMost(EVENTUALLY).until(() -> certificatesOf(ada).get(0).get("status").asString(), "revoked"::equals);

        List<KafkaTestClient.Message> announced = await().atMost(EVENTUALLY).until(() -> announcedFor(program),
                messages -> messages.size() == 2);
        assertThat(announced).extracting(message -> message.header("ce_type")).containsExactly(
                OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED.name(), OpenEdxEvents.PROGRAM_CERTIFICATE_REVOKED.name());
        assertThat(announced).allSatisfy(message -> {
            assertThat(message.key()).isEqualTo(program);
            assertThat(message.header("ce_source")).isEqualTo("openedx/credentials/web");
        });
        ProgramCertificateEvent revoked = EventJson.read(announced.get(1).value().getBytes(),
                ProgramCertificateEvent.class);
        assertThat(revoked.programCertificate().status()).isEqualTo("revoked");
        assertThat(revoked.programCertificate().user().pii().username()).isEqualTo(ada.username());
        assertThat(revoked.programCertificate().program().programType()).isEqualTo("MicroMasters");
        assertThat(revoked.programCertificate().uuid()).isEqualTo(awarded.get("uuid").asString());
    }

    @Test
    void a_program_set_up_later_awards_its_certificate_to_those_who_already_qualify() {
        String first = newCourseKey();
        String second = newCourseKey();
        Learner grace = Learner.named("Grace Hopper");
        lms.send(CERTIFICATE_CREATED, downloadable(grace, first, "verified"), T1);
        lms.send(CERTIFICATE_CREATED, downloadable(grace, second, "honor"), T1);
        await().atMost(EVENTUALLY).until(() -> credentialsOf(grace).size() == 2);

        String program = createProgram("Compilers", first, second);

        assertThat(certificatesOf(grace)).singleElement().satisfies(certificate -> {
            assertThat(certificate.get("program_uuid").asString()).isEqualTo(program);
            assertThat(certificate.get("status").asString()).isEqualTo("awarded");
        });
    }

    @Test
    void a_program_names_valid_course_runs() {
        http.post().uri("/api/programs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"T\", \"organization\": \"edX\", \"type\": \"XSeries\", \"course_keys\": "
                        + "[\"course-v1:edX+Good+2026\", \"not-a-course\"]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("course_keys[1]");
    }

    private String createProgram(String title, String... courseKeys) {
        JsonNode created = http.post().uri("/api/programs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"%s\", \"organization\": \"edX\", \"type\": \"MicroMasters\", \"course_keys\": [%s]}"
                        .formatted(title, String.join(", ", java.util.Arrays.stream(courseKeys)
                                .map(key -> "\"" + key + "\"").toList())))
                .exchange().expectStatus().isCreated().returnResult(JsonNode.class).getResponseBody();
        return created.get("uuid").asString();
    }

    private List<JsonNode> certificatesOf(Learner learner) {
        return http.get().uri("/api/program-certificates?username={u}", learner.username()).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().valueStream().toList();
    }

    private List<JsonNode> credentialsOf(Learner learner) {
        return http.get().uri("/api/credentials?username={u}", learner.username()).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().valueStream().toList();
    }

    private List<KafkaTestClient.Message> announcedFor(String program) {
        return kafka.readAll(topic).stream().filter(message -> program.equals(message.key())).toList();
    }
}
