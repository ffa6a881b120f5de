package org.openedx.suite.credentials.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.credentials.BadgeProvider;
import org.openedx.suite.credentials.CredentialsServiceTest;
import org.openedx.suite.credentials.Lms.Learner;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.testsupport.HttpReceiver;
import org.openedx.suite.testsupport.HttpReceiver.Answer;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Badges (issue 14): passing status events move a learner towards an active template's badge; a fulfilled template
 * awards it (announced on learning-badges-lifecycle, issued at Credly once), a penalty revokes it (revoked at Credly),
 * and meeting the requirements again awards it again. Templates check their rules before anything is saved.
 */
@CredentialsServiceTest
class BadgesTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String PASSING = OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED.name();

    private final RestTestClient http;
    private final KafkaTestClient kafka;
    private final EventBusTopics topics;
    private final String bootstrapServers;

    BadgesTest(RestTestClient http, EventBusTopics topics,
               @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.http = http;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.kafka = new KafkaTestClient(bootstrapServers);
    }

    @Test
    void passing_awards_the_badge_at_credly_failing_revokes_it_and_passing_again_awards_it_again() {
        String org = "Org" + UUID.randomUUID().toString().substring(0, 6);
        String course = "course-v1:" + org + "+Badges+2026";
        String template = activeTemplate(org, "credly", "ct-" + org, """
                [{"event_type": "%s", "rules": [{"data_path": "is_passing", "operator": "eq", "value": true},
                  {"data_path": "course.course_key", "operator": "eq", "value": "%s"}]}]""".formatted(PASSING, course),
                """
                [{"event_type": "%s", "resets": [0], "rules": [{"data_path": "is_passing", "operator": "eq",
                  "value": false}]}]""".formatted(PASSING));
        BadgeProvider.CREDLY.answerAlways(BadgeProvider.BADGES, Answer.json(201,
                "{\"data\": {\"id\": \"credly-" + org + "\", \"state\": \"accepted\"}}"));
        BadgeProvider.CREDLY.answerAlways(BadgeProvider.BADGES + "/credly-" + org + "/revoke",
                Answer.json(200, "{\"data\": {\"state\": \"revoked\"}}"));
        Learner ada = Learner.named("Ada Lovelace");

        passing(ada, course, true, Instant.parse("2026-06-01T10:00:00Z"));
        JsonNode awarded = await().atMost(EVENTUALLY).until(() -> badgeOf(ada, template),
                badge -> badge != null && badge.get("provider_state").asString().equals("accepted"));
        assertThat(awarded.get("status").asString()).isEqualTo("awarded");
        List<HttpReceiver.Received> issued = issuedFor(ada);
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((BadgeProvider.API_KEY + ":").getBytes(StandardCharsets.UTF_8)));
        JsonNode sent = json(issued.get(0).body());
        assertThat(sent.get("badge_template_id").asString()).isEqualTo("ct-" + org);
        assertThat(sent.get("issued_to_first_name").asString()).isEqualTo("Ada");
        assertThat(sent.get("issued_to_last_name").asString()).isEqualTo("Lovelace");

        passing(ada, course, false, Instant.parse("2026-06-01T11:00:00Z"));
        await().atMost(EVENTUALLY).until(() -> badgeOf(ada, template).get("provider_state").asString(),
                "revoked"::equals);
        assertThat(badgeOf(ada, template).get("status").asString()).isEqualTo("revoked");
        assertThat(BadgeProvider.CREDLY.received(BadgeProvider.BADGES + "/credly-" + org + "/revoke")).hasSize(1);

        passing(ada, course, true, Instant.parse("2026-06-01T12:00:00Z"));
        await().atMost(EVENTUALLY).until(() -> badgeOf(ada, template).get("status").asString(), "awarded"::equals);
        await().atMost(EVENTUALLY).until(() -> issuedFor(ada).size() == 2);

        List<KafkaTestClient.Message> announced = await().atMost(EVENTUALLY).until(() -> kafka.readAll(
                        topics.topicOf(OpenEdxEvents.BADGE_AWARDED)).stream()
                .filter(message -> message.key().equals(awarded.get("uuid").asString())).toList(), m -> m.size() == 3);
        assertThat(announced).extracting(message -> message.header("ce_type")).containsExactly(
                OpenEdxEvents.BADGE_AWARDED.name(), OpenEdxEvents.BADGE_REVOKED.name(),
                OpenEdxEvents.BADGE_AWARDED.name());
        assertThat(announced).allSatisfy(message ->
                assertThat(message.header("ce_source")).isEqualTo("openedx/credentials/web"));
    }

    @Test
    void a_provider_refusal_is_kept_with_its_message_and_not_retried() {
        String org = "Ref" + UUID.randomUUID().toString().substring(0, 6);
        String course = "course-v1:" + org + "+Badges+2026";
        activeTemplate(org, "credly", "refused-" + org, """
                [{"event_type": "%s", "rules": [{"data_path": "is_passing", "operator": "eq", "value": true}]}]"""
                .formatted(PASSING), "[]");
        Learner grace = Learner.named("Grace Hopper");
        BadgeProvider.CREDLY.answerNext(BadgeProvider.BADGES,
                Answer.json(422, "{\"detail\": \"User already has this badge\"}"));

        passing(grace, course, true, Instant.parse("2026-06-02T10:00:00Z"));

        JsonNode badge = await().atMost(EVENTUALLY).until(() -> http.get().uri("/api/badges?username={u}",
                        grace.username()).exchange().returnResult(JsonNode.class).getResponseBody(),
                list -> list.size() == 1 && list.get(0).get("provider_state").asString().equals("error")).get(0);
        assertThat(badge.get("provider_error").asString()).contains("422").contains("User already has this badge");
        assertThat(issuedFor(grace)).hasSize(1);
    }

    @Test
    void a_count_requirement_is_met_only_by_the_second_course_of_the_organization() {
        String org = "Cnt" + UUID.randomUUID().toString().substring(0, 6);
        String template = activeTemplate(org, "internal", null, """
                [{"event_type": "%s", "rules": [{"data_path": "is_passing", "operator": "eq", "value": true}],
                  "min_count": 2, "distinct_by": "course.course_key"}]""".formatted(PASSING), "[]");
        Learner alan = Learner.named("Alan Turing");
        // one partition for all, so they are applied in the order sent
        String one = "course-v1:" + org + "+One+2026";
        String elsewhere = onPartitionOf(one, "Elsewhere");
        String two = onPartitionOf(one, org);

        passing(alan, one, true, Instant.parse("2026-06-03T10:00:00Z"));
        passing(alan, one, true, Instant.parse("2026-06-03T10:05:00Z"));
        passing(alan, elsewhere, true, Instant.parse("2026-06-03T10:10:00Z"));
        JsonNode counted = await().atMost(EVENTUALLY).until(() -> progressOf(template, alan), p -> p != null);
        assertThat(counted.at("/counted/0").valueStream().map(JsonNode::asString).toList()).containsExactly(one);
        assertThat(counted.get("complete").asBoolean()).isFalse();
        assertThat(badgeOf(alan, template)).isNull();

        passing(alan, two, true, Instant.parse("2026-06-03T10:15:00Z"));

        JsonNode badge = await().atMost(EVENTUALLY).until(() -> badgeOf(alan, template), b -> b != null);
        assertThat(badge.get("status").asString()).isEqualTo("awarded");
        assertThat(badge.get("provider_state").asString()).isEqualTo("none");
        // the other organization's course never counted, however the events were ordered
        assertThat(progressOf(template, alan).at("/counted/0").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(one, two);
    }

    @Test
    void a_ccx_counts_as_its_master_course_of_the_organization() {
        String org = "Ccx" + UUID.randomUUID().toString().substring(0, 6);
        String template = activeTemplate(org, "internal", null, """
                [{"event_type": "%s", "rules": [{"data_path": "is_passing", "operator": "eq", "value": true}]}]"""
                .formatted(OpenEdxEvents.CCX_COURSE_PASSING_STATUS_UPDATED.name()), "[]");
        Learner ada = Learner.named("Ada Lovelace");
        String ccx = "ccx-v1:" + org + "+Master+2026+ccx@7";
        var event = new org.openedx.suite.contracts.CcxCoursePassingStatusEvent(
                new org.openedx.suite.contracts.CcxCoursePassingStatusEvent.CcxCoursePassingStatusData(true,
                        ada.userData(), new org.openedx.suite.contracts.CcxCoursePassingStatusEvent.CcxCourseData(ccx,
                        "course-v1:" + org + "+Master+2026", "A CCX", "coach@example.org", null, null, 20L)));
        kafka.send(topics.topicOf(OpenEdxEvents.CCX_COURSE_PASSING_STATUS_UPDATED), ccx, EventJson.write(event),
                EventMetadata.of(UUID.randomUUID(), OpenEdxEvents.CCX_COURSE_PASSING_STATUS_UPDATED.name(), "lms",
                        Instant.parse("2026-06-04T10:00:00Z"), "test-host").toHeaders());

        JsonNode badge = await().atMost(EVENTUALLY).until(() -> badgeOf(ada, template), b -> b != null);
        assertThat(badge.get("status").asString()).isEqualTo("awarded");
    }

    @Test
    void a_template_with_a_bad_rule_is_refused_naming_the_field_and_nothing_is_saved() {
        int before = http.get().uri("/api/badge-templates").exchange().returnResult(JsonNode.class)
                .getResponseBody().size();
        http.post().uri("/api/badge-templates").contentType(MediaType.APPLICATION_JSON).body("""
                        {"name": "Bad", "organization": "edX", "provider": "internal", "requirements": [
                          {"event_type": "%s", "rules": [{"data_path": "is_passing", "operator": "like", "value": 1}]}]}"""
                        .formatted(PASSING))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("requirements[0].rules[0].operator");
        http.post().uri("/api/badge-templates").contentType(MediaType.APPLICATION_JSON).body("""
                        {"name": "Bad", "organization": "edX", "provider": "credly", "requirements": [
                          {"event_type": "%s"}]}""".formatted(PASSING))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("provider_template_id");
        assertThat(http.get().uri("/api/badge-templates").exchange().returnResult(JsonNode.class)
                .getResponseBody().size()).isEqualTo(before);
    }

    private String activeTemplate(String organization, String provider, String providerTemplateId,
                                  String requirements, String penalties) {
        String providerId = providerTemplateId == null ? "" : ", \"provider_template_id\": \"" + providerTemplateId
                + "\"";
        JsonNode created = http.post().uri("/api/badge-templates").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Badge of %s\", \"organization\": \"%s\", \"provider\": \"%s\"%s, \"requirements\": %s, \"penalties\": %s}"
                        .formatted(organization, organization, provider, providerId, requirements, penalties))
                .exchange().expectStatus().isCreated().returnResult(JsonNode.class).getResponseBody();
        assertThat(created.get("active").asBoolean()).isFalse();
        String uuid = created.get("uuid").asString();
        http.post().uri("/api/badge-templates/{uuid}/activate", uuid).exchange().expectStatus().isOk();
        return uuid;
    }

    private void passing(Learner learner, String courseKey, boolean isPassing, Instant time) {
        CoursePassingStatusEvent event = new CoursePassingStatusEvent(new CoursePassingStatusData(isPassing,
                new CourseData(courseKey, "Course " + courseKey, null, null), learner.userData()));
        kafka.send(topics.topicOf(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED), courseKey, EventJson.write(event),
                EventMetadata.of(UUID.randomUUID(), PASSING, "lms", time, "test-host").toHeaders());
    }

    /** A course key of the organization whose messages go to the same partition as {@code courseKey}'s. */
    private String onPartitionOf(String courseKey, String organization) {
        int partitions = partitions();
        int wanted = partitionOf(courseKey, partitions);
        while (true) {
            String candidate = "course-v1:" + organization + "+C" + UUID.randomUUID().toString().substring(0, 6)
                    + "+2026";
            if (partitionOf(candidate, partitions) == wanted) {
                return candidate;
            }
        }
    }

    private int partitions() {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                bootstrapServers))) {
            String topic = topics.topicOf(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED);
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private JsonNode progressOf(String template, Learner learner) {
        var answer = http.get().uri("/api/badge-templates/{t}/progress?username={u}", template, learner.username())
                .exchange().returnResult(JsonNode.class);
        return answer.getStatus().value() == 200 ? answer.getResponseBody() : null;
    }

    private JsonNode badgeOf(Learner learner, String template) {
        for (JsonNode badge : http.get().uri("/api/badges?username={u}", learner.username()).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody()) {
            if (badge.get("template_uuid").asString().equals(template)) {
                return badge;
            }
        }
        return null;
    }

    private static List<HttpReceiver.Received> issuedFor(Learner learner) {
        return BadgeProvider.CREDLY.received(BadgeProvider.BADGES).stream()
                .filter(call -> call.body().contains(learner.email())).toList();
    }

    private static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
