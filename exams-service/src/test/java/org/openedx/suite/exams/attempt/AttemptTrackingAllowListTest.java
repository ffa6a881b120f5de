package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.exams.ExamsApi.newUserId;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventBusTopics;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.exams.ExamsApi;
import org.openedx.suite.exams.ExamsServiceTest;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code EVENT_BUS_TRACKING_LOGS} narrowed to one name: the others stay off the bus. (A service of its own.) */
@ExamsServiceTest
@TestPropertySource(properties = "event-bus.tracking-logs=edx.special_exam.proctored.attempt.submitted")
class AttemptTrackingAllowListTest {

    private final ExamsApi api;
    private final Tracker tracker;
    private final JdbcTemplate jdbc;
    private final KafkaTestClient kafka;
    private final String analytics;

    AttemptTrackingAllowListTest(ExamsApi api, Tracker tracker, JdbcTemplate jdbc, EventBusTopics topics,
                                 @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.api = api;
        this.tracker = tracker;
        this.jdbc = jdbc;
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.analytics = topics.topicOf(OpenEdxEvents.TRACKING_EVENT_EMITTED);
    }

    @Test
    void a_name_left_off_the_allow_list_is_not_emitted() {
        assertThat(tracker.allowed()).containsExactly("edx.special_exam.proctored.attempt.submitted");
        JsonNode exam = api.newExam("proctored");
        long attempt = api.startAttempt(exam.get("id").asLong(), newUserId(), "ada").get("id").asLong();

        api.perform(attempt, "submit");
        api.perform(attempt, "verify");

        assertThat(AttemptTrackingTest.settled(kafka, analytics, jdbc, exam.get("usage_key").asString()))
                .extracting(AttemptTrackingTest.Tracked::name)
                .containsExactly("edx.special_exam.proctored.attempt.submitted");
    }
}
