package org.openedx.suite.insights.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.contracts.TrackingEvent.TrackingLogData;
import org.openedx.suite.insights.InsightsApi;
import org.openedx.suite.insights.InsightsServiceTest;
import org.openedx.suite.insights.Trackers;
import org.openedx.suite.insights.Trackers.Log;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import tools.jackson.databind.JsonNode;

/** Tracking logs from the bus become statements once, whatever the bus repeats, and the figures end as events say. */
@InsightsServiceTest
class TrackingEventsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String ACTIVATED = "edx.course.enrollment.activated";

    private final InsightsApi api;
    private final Trackers trackers;
    private final Instant t1 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(600);
    private final Instant t2 = t1.plusSeconds(60);
    private String courseKey;
    private long ada;

    TrackingEventsTest(InsightsApi api, Trackers trackers) {
        this.api = api;
        this.trackers = trackers;
    }

    @BeforeEach
    void setUp() {
        courseKey = Trackers.newCourseKey();
        ada = Trackers.newUserId();
    }

    @Test
    void a_tracking_log_becomes_one_statement_whose_actor_is_the_learner_s_anonymous_id() {
        trackers.send(Log.of(ACTIVATED, t1, ada, courseKey, "mode", "verified"));

        awaitStatements(1);
        JsonNode statement = onlyStatementOfTheCourse();
        assertThat(statement.at("/verb/id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/registered");
        assertThat(statement.at("/actor/account/name").asString()).matches("[0-9a-f]{32}")
                .doesNotContain(Long.toString(ada));
        assertThat(statement.at("/actor/account/homePage").asString()).isEqualTo("http://lms.example.com");
        assertThat(statement.at("/object/id").asString()).isEqualTo("http://lms.example.com/course/" + courseKey);
        assertThat(Instant.parse(statement.at("/timestamp").asString())).isEqualTo(t1);
        assertThat(Instant.parse(statement.at("/stored").asString())).isAfter(t1);
    }

    @Test
    void the_same_event_redelivered_and_a_duplicated_log_with_a_new_ce_id_change_nothing() {
        Log enrolled = Log.of(ACTIVATED, t1, ada, courseKey, "mode", "verified");
        UUID eventId = trackers.send(enrolled);
        trackers.send(enrolled, eventId);      // the bus delivers it again
        trackers.send(enrolled);               // the tracker sent the same log twice
        // the same name travels on the same partition: once this is in, the three before it were applied
        trackers.send(Log.of(ACTIVATED, t2, Trackers.newUserId(), courseKey, "mode", "verified"));

        awaitStatements(2);
        JsonNode figures = api.figures(courseKey);
        assertThat(figures.at("/enrollments/by_mode/verified").asLong()).isEqualTo(2);
        assertThat(figures.at("/enrollments/over_time/0/activated").asLong()).isEqualTo(2);
        assertThat(figures.at("/active_learners/by_day/0/learners").asLong()).isEqualTo(2);
    }

    @Test
    void logs_of_one_learner_arriving_newest_first_leave_the_figures_as_the_newest_says() {
        // names are the message keys: these travel on different partitions and may arrive in any order
        trackers.send(Log.of("edx.course.grade.now_passed", t2, ada, courseKey));
        trackers.send(Log.of("edx.course.enrollment.deactivated", t2, ada, courseKey, "mode", "audit"));
        awaitStatements(2);
        trackers.send(Log.of("edx.course.grade.now_failed", t1, ada, courseKey));
        trackers.send(Log.of(ACTIVATED, t1, ada, courseKey, "mode", "audit"));

        awaitStatements(4);
        JsonNode figures = api.figures(courseKey);
        assertThat(figures.at("/passing/passed").asLong()).isEqualTo(1);
        assertThat(figures.at("/passing/failed").asLong()).isZero();
        assertThat(figures.at("/enrollments/total").asLong()).isZero();
        // the older logs are statements all the same: the LRS keeps what happened
        assertThat(api.statements(Map.of("registration", registrationOf(figures))).at("/statements").size())
                .isEqualTo(4);
    }

    @Test
    void a_log_insights_cannot_read_goes_to_the_dead_letter_topic_naming_the_field_and_the_partition_moves_on() {
        Log enrolled = Log.of(ACTIVATED, t1, ada, courseKey, "mode", "verified");
        UUID notJson = trackers.send(enrolled.withData("{\"user_id\": " + ada + ", "));
        UUID noUser = trackers.send(enrolled.withData("{\"course_id\": \"" + courseKey + "\", \"mode\": \"audit\"}"));
        trackers.send(enrolled);

        awaitStatements(1);
        Message first = await().atMost(EVENTUALLY).until(() -> trackers.deadLetter(notJson), letter -> letter != null);
        assertThat(first.header("kafka_dlt-exception-message")).contains("data is not JSON");
        Message second = await().atMost(EVENTUALLY).until(() -> trackers.deadLetter(noUser), letter -> letter != null);
        assertThat(second.header("kafka_dlt-exception-message")).contains("data.user_id is missing");
    }

    @Test
    void names_insights_does_not_map_are_skipped_not_dead_lettered() {
        // keyed like the log after them, so that they are behind each other on one partition
        UUID problem = trackers.sendKeyed(Log.of("problem_check", t1, ada, courseKey), ACTIVATED);
        UUID paused = trackers.sendKeyed(Log.of("edx.special_exam.timed.attempt.paused", t1, ada, courseKey,
                "block_id", "block-v1:edX+X+1+type@sequential+block@e"), ACTIVATED);
        trackers.send(Log.of(ACTIVATED, t1, ada, courseKey, "mode", "honor"));

        awaitStatements(1);
        assertThat(onlyStatementOfTheCourse().at("/verb/display/en-US").asString()).isEqualTo("registered");
        assertThat(trackers.deadLetter(problem)).isNull();
        assertThat(trackers.deadLetter(paused)).isNull();
    }

    @Test
    void logs_of_exams_and_of_the_cms_are_statements_too_and_a_service_that_tracks_nothing_is_refused() {
        String exam = "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@sequential+block@final";
        trackers.send(Log.of("edx.special_exam.proctored.attempt.submitted", t1, ada, courseKey, "block_id", exam,
                "attempt_id", 3, "attempt_status", "submitted", "exam_type", "proctored"));
        trackers.send(new Log("cms", "edx.course.published", t1,
                "{\"course_id\": \"" + courseKey + "\"}", "{\"course_id\": \"" + courseKey + "\"}"));
        UUID forged = UUID.randomUUID();
        Log fromCredentials = Log.of(ACTIVATED, t1, ada, courseKey, "mode", "verified");
        trackers.sendRaw(ACTIVATED, EventJson.write(new TrackingEvent(new TrackingLogData(fromCredentials.name(),
                        "2026-06-01T10:00:00+00:00", fromCredentials.data(), fromCredentials.context()))),
                Trackers.headers(forged, "credentials", t1));

        awaitStatements(2);
        assertThat(api.figures(courseKey).at("/exams/submitted").asLong()).isEqualTo(1);
        Message refused = await().atMost(EVENTUALLY).until(() -> trackers.deadLetter(forged), letter -> letter != null);
        assertThat(refused.header("kafka_dlt-exception-message")).contains("is not a producer");
        assertThat(api.statementCount(courseKey)).isEqualTo(2);
    }

    private void awaitStatements(long count) {
        await().atMost(EVENTUALLY).until(() -> api.statementCount(courseKey), n -> n == count);
    }

    private JsonNode onlyStatementOfTheCourse() {
        JsonNode statements = api.statements(Map.of("activity", "http://lms.example.com/course/" + courseKey))
                .get("statements");
        assertThat(statements.size()).isEqualTo(1);
        return statements.get(0);
    }

    /** The registration of the course's (one) learner, from their statements. */
    private String registrationOf(JsonNode figures) {
        return api.statements(Map.of("activity", "http://lms.example.com/course/" + figures.get("course_key")
                .asString(), "limit", "1")).at("/statements/0/context/registration").asString();
    }
}
