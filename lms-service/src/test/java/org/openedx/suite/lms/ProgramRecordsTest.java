package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.ProgramCertificateData;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.lms.identity.SuiteTokens;
import org.openedx.suite.lms.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A learner's program records (issue 14): kept from credentials' program certificate events, the newest per learner
 * and program winning; readable by the learner, not by others.
 */
@LmsServiceTest
class ProgramRecordsTest {

    private static final Instant T1 = Instant.parse("2026-07-01T09:00:00.000001Z");

    @Autowired Lms lms;
    @Autowired SuiteTokens tokens;
    @Autowired Users users;

    @Test
    void the_newest_program_certificate_event_of_a_learner_is_what_the_lms_shows() {
        Learner ada = lms.newLearner();
        String program = UUID.randomUUID().toString();
        String certificate = UUID.randomUUID().toString();

        lms.programCertificate(OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED, data(ada, program, certificate, "awarded"), T1);
        await().atMost(Lms.EVENTUALLY).until(() -> recordsOf(ada).size() == 1);
        lms.programCertificate(OpenEdxEvents.PROGRAM_CERTIFICATE_REVOKED, data(ada, program, certificate, "revoked"),
                T1.plusSeconds(60));
        await().atMost(Lms.EVENTUALLY).until(() -> recordsOf(ada).get(0).get("status").asString(), "revoked"::equals);
        // an award older than the revocation, arriving late, changes nothing
        lms.programCertificate(OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED, data(ada, program, certificate, "awarded"),
                T1.plusSeconds(30));
        String other = UUID.randomUUID().toString();
        lms.programCertificate(OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED, data(ada, other, UUID.randomUUID().toString(),
                "awarded"), T1.plusSeconds(90));
        await().atMost(Lms.EVENTUALLY).until(() -> recordsOf(ada).size() == 2);

        JsonNode revoked = recordsOf(ada).stream().filter(r -> r.get("program_uuid").asString().equals(program))
                .findFirst().orElseThrow();
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.get("program_title").asString()).isEqualTo("Program " + program.substring(0, 4));
        assertThat(revoked.get("certificate_uuid").asString()).isEqualTo(certificate);

        Learner mallory = lms.newLearner();
        lms.http.get().uri("/api/programs/certificates?username={u}", ada.username())
                .header("Authorization", "Bearer " + tokens.forUser(users.require(mallory.username())).accessToken())
                .exchange().expectStatus().isForbidden();
        lms.http.get().uri("/api/programs/certificates?username={u}", ada.username())
                .header("Authorization", "Bearer " + tokens.forUser(users.require(ada.username())).accessToken())
                .exchange().expectStatus().isOk();
    }

    private List<JsonNode> recordsOf(Learner learner) {
        return lms.http.get().uri("/api/programs/certificates?username={u}", learner.username()).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().valueStream().toList();
    }

    private static ProgramCertificateData data(Learner learner, String program, String certificate, String status) {
        return new ProgramCertificateData(learner.toUserData(), new ProgramCertificateData.ProgramData(program,
                "Program " + program.substring(0, 4), "MicroMasters"), certificate, status,
                "/credentials/" + certificate, null);
    }
}
