package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.lms.identity.SuiteTokens;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.outbound.WebhookSignature;
import org.openedx.suite.testsupport.HttpReceiver.Received;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Open response assessments and plagiarism checks (issue 13): a submission's text reaches the plagiarism service once,
 * signed; its signed verdict (and no forged one) shows to the run's staff, never to learners; staff are notified.
 */
@LmsServiceTest
class OraSubmissionsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired Lms lms;
    @Autowired SuiteTokens tokens;
    @Autowired Users users;

    @Test
    void a_submission_is_checked_once_and_its_verdict_shows_to_staff_and_not_to_the_learner() {
        Course course = lms.newCourse("Essays");
        Learner ada = lms.newLearner();
        Learner teacher = lms.newLearner();
        lms.enroll(ada, course, "verified");
        lms.http.post().uri("/api/courses/{key}/staff/{user}", course.key(), teacher.username()).exchange()
                .expectStatus().isCreated();
        String ora = oraOf(course);

        JsonNode submitted = lms.http.post().uri("/api/ora/{key}/submissions", ora)
                .header("Authorization", tokenOf(ada)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\": \"To be, or not to be, that is the question.\"}")
                .exchange().expectStatus().isCreated().returnResult(JsonNode.class).getResponseBody();
        String uuid = submitted.get("uuid").asString();
        assertThat(submitted.get("attempt_number").asInt()).isEqualTo(1);
        assertThat(submitted.at("/plagiarism/status").asString()).isEqualTo("pending");

        Received check = await().atMost(PATIENCE).until(() -> checksOf(uuid), calls -> !calls.isEmpty()).get(0);
        JsonNode sent = Lms.json(check.body());
        assertThat(sent.get("text").asString()).isEqualTo("To be, or not to be, that is the question.");
        assertThat(sent.get("usage_key").asString()).isEqualTo(ora);
        assertThat(sent.get("callback_url").asString()).endsWith("/api/ora/plagiarism-callbacks");
        assertThat(new WebhookSignature(PlagiarismService.SECRET).verifies(check.header("webhook-id"),
                check.header("webhook-timestamp"), check.header("webhook-signature"), check.body(), Instant.now()))
                .isTrue();

        String verdict = """
                {"submission_uuid": "%s", "check_id": "chk-1", "similarity": 0.83,
                 "report_url": "https://plagiarism.example.org/reports/chk-1"}""".formatted(uuid);
        callback(verdict, "not the secret at all").expectStatus().isUnauthorized();
        lms.http.post().uri("/api/ora/plagiarism-callbacks").contentType(MediaType.APPLICATION_JSON).body(verdict)
                .exchange().expectStatus().isUnauthorized();
        assertThat(submissionOf(course, ora, uuid).at("/plagiarism/status").asString()).isEqualTo("pending");

        callback(verdict, PlagiarismService.SECRET).expectStatus().isNoContent();
        callback(verdict, PlagiarismService.SECRET).expectStatus().isNoContent(); // the same verdict again

        JsonNode seenByStaff = lms.http.get().uri("/api/ora/{key}/submissions", ora)
                .header("Authorization", tokenOf(teacher)).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(seenByStaff).singleElement().satisfies(submission -> {
            assertThat(submission.get("username").asString()).isEqualTo(ada.username());
            assertThat(submission.at("/plagiarism/status").asString()).isEqualTo("checked");
            assertThat(submission.at("/plagiarism/similarity").decimalValue()).isEqualByComparingTo("0.83");
            assertThat(submission.at("/plagiarism/report_url").asString()).endsWith("/reports/chk-1");
        });
        lms.http.get().uri("/api/ora/{key}/submissions", ora).header("Authorization", tokenOf(ada)).exchange()
                .expectStatus().isForbidden();
        assertThat(checksOf(uuid)).hasSize(1);

        JsonNode notifications = lms.http.get().uri("/api/notifications?username={u}", teacher.username())
                .header("Authorization", tokenOf(teacher)).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(notifications).anySatisfy(notification -> {
            assertThat(notification.get("kind").asString()).isEqualTo("ora_submission");
            assertThat(notification.get("message").asString()).contains(ada.username()).contains(ora);
        });
        lms.http.get().uri("/api/notifications?username={u}", teacher.username())
                .header("Authorization", tokenOf(ada)).exchange().expectStatus().isForbidden();
    }

    @Test
    void only_an_enrolled_learner_submits_and_bad_verdicts_are_refused() {
        Course course = lms.newCourse("Closed essays");
        Learner stranger = lms.newLearner();
        String ora = oraOf(course);

        lms.http.post().uri("/api/ora/{key}/submissions", ora).header("Authorization", tokenOf(stranger))
                .contentType(MediaType.APPLICATION_JSON).body("{\"text\": \"hello\"}")
                .exchange().expectStatus().isEqualTo(409);
        lms.http.post().uri("/api/ora/{key}/submissions", ora).header("Authorization", tokenOf(stranger))
                .contentType(MediaType.APPLICATION_JSON).body("{\"text\": \"  \"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        callback("{\"submission_uuid\": \"3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e\", \"similarity\": 0.5}",
                PlagiarismService.SECRET).expectStatus().isNotFound();
        callback("{\"submission_uuid\": \"3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e\", \"similarity\": 1.5}",
                PlagiarismService.SECRET).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("similarity");
    }

    private RestTestClient.ResponseSpec callback(String body, String secret) {
        var headers = new WebhookSignature(secret).headers("cb-" + Lms.unique(), Instant.now(), body);
        return lms.http.post().uri("/api/ora/plagiarism-callbacks").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set)).body(body).exchange();
    }

    private JsonNode submissionOf(Course course, String ora, String uuid) {
        JsonNode all = lms.http.get().uri("/api/ora/{key}/submissions", ora).exchange().expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        for (JsonNode submission : all) {
            if (submission.get("uuid").asString().equals(uuid)) {
                return submission;
            }
        }
        throw new AssertionError("no submission " + uuid + " in " + course.key());
    }

    private static List<Received> checksOf(String uuid) {
        return PlagiarismService.RECEIVER.received(PlagiarismService.PATH).stream()
                .filter(call -> call.body().contains(uuid)).toList();
    }

    private static String oraOf(Course course) {
        return "block-v1:" + course.key().substring("course-v1:".length()) + "+type@openassessment+block@essay";
    }

    private String tokenOf(Learner learner) {
        return "Bearer " + tokens.forUser(users.require(learner.username())).accessToken();
    }
}
