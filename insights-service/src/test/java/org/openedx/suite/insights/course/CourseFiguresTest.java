package org.openedx.suite.insights.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openedx.suite.insights.InsightsApi;
import org.openedx.suite.insights.InsightsServiceTest;
import org.openedx.suite.insights.Trackers;
import org.openedx.suite.insights.Trackers.Log;
import tools.jackson.databind.JsonNode;

/** A course's figures are what its learners' tracking logs say, counted by each learner's newest event. */
@InsightsServiceTest
class CourseFiguresTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final InsightsApi api;
    private final Trackers trackers;
    private final String courseKey = Trackers.newCourseKey();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final List<Log> logs = new ArrayList<>();

    CourseFiguresTest(InsightsApi api, Trackers trackers) {
        this.api = api;
        this.trackers = trackers;
    }

    @Test
    void the_figures_of_a_course_are_what_its_logs_say() {
        long l1 = Trackers.newUserId();
        long l2 = Trackers.newUserId();
        long l3 = Trackers.newUserId();
        long l4 = Trackers.newUserId();
        long l5 = Trackers.newUserId();
        // enrollments: l3 leaves, l4 changes to verified
        log(1, "edx.course.enrollment.activated", l1, "mode", "verified");
        log(2, "edx.course.enrollment.activated", l2, "mode", "audit");
        log(3, "edx.course.enrollment.activated", l3, "mode", "honor");
        log(4, "edx.course.enrollment.activated", l4, "mode", "audit");
        log(20, "edx.course.enrollment.deactivated", l3, "mode", "honor");
        log(21, "edx.course.enrollment.mode_changed", l4, "mode", "verified");
        // passing: l3 passed, then failed
        log(30, "edx.course.grade.passed.first_time", l1);
        log(31, "edx.course.grade.now_failed", l2);
        log(32, "edx.course.grade.now_passed", l3);
        log(40, "edx.course.grade.now_failed", l3);
        // certificates: l2's revoked
        log(50, "edx.certificate.created", l1, "certificate_id", "a1", "enrollment_mode", "verified");
        log(51, "edx.certificate.created", l2, "certificate_id", "b2", "enrollment_mode", "audit");
        log(60, "edx.certificate.revoked", l2, "certificate_id", "b2", "enrollment_mode", "audit");
        // grades: l1 3/4 + 5/6, then 4/4 for the first: 9/10; l2 1/10; l3 10/10
        grade(70, l1, "s1", 3, 4);
        grade(71, l1, "s2", 5, 6);
        grade(72, l2, "s1", 1, 10);
        grade(73, l3, "s1", 10, 10);
        grade(80, l1, "s1", 4, 4);
        // exams: l1 verified, l2 rejected, l3 submitted, l4 in error, l5's attempt deleted
        exam(90, l1, "submitted");
        exam(91, l2, "submitted");
        exam(92, l3, "submitted");
        exam(93, l4, "error");
        exam(94, l5, "submitted");
        exam(100, l1, "verified");
        exam(101, l2, "rejected");
        exam(102, l5, "deleted");
        log(110, "edx.completion_aggregator.progress.vertical", l1, "block_id", block("vertical", "v1"),
                "percent", 1.0);
        log(111, "edx.completion_aggregator.progress.vertical", l2, "block_id", block("vertical", "v1"),
                "percent", 0.5);
        trackers.sendTogether(logs);

        await().atMost(EVENTUALLY).until(() -> api.statementCount(courseKey), n -> n == logs.size());
        JsonNode figures = api.figures(courseKey);
        assertThat(figures.get("statements").asLong()).isEqualTo(logs.size());
        assertThat(figures.at("/enrollments/by_mode").properties()).extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactlyInAnyOrder("verified=2", "audit=1");
        assertThat(figures.at("/enrollments/total").asLong()).isEqualTo(3);
        String today = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        long activated = 0;
        long deactivated = 0;
        for (JsonNode day : figures.at("/enrollments/over_time")) {
            activated += day.get("activated").asLong();
            deactivated += day.get("deactivated").asLong();
        }
        assertThat(activated).isEqualTo(4);
        assertThat(deactivated).isEqualTo(1);
        assertThat(figures.at("/passing/passed").asLong()).isEqualTo(1);
        assertThat(figures.at("/passing/failed").asLong()).isEqualTo(2);
        assertThat(figures.at("/passing/rate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(figures.at("/certificates/awarded").asLong()).isEqualTo(1);
        assertThat(figures.at("/certificates/revoked").asLong()).isEqualTo(1);
        assertThat(figures.at("/grades/learners").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L);
        assertThat(figures.at("/grades/graded").asLong()).isEqualTo(3);
        assertThat(figures.at("/exams/submitted").asLong()).isEqualTo(1);
        assertThat(figures.at("/exams/verified").asLong()).isEqualTo(1);
        assertThat(figures.at("/exams/rejected").asLong()).isEqualTo(1);
        assertThat(figures.at("/exams/error").asLong()).isEqualTo(1);
        assertThat(figures.at("/completion/learners").asLong()).isEqualTo(2);
        assertThat(figures.at("/completion/blocks_completed").asLong()).isEqualTo(1);
        assertThat(figures.at("/active_learners/last_seven_days").asLong()).isEqualTo(5);
        assertThat(figures.at("/active_learners/by_day").valueStream()
                .filter(day -> day.get("day").asString().equals(today)).findFirst().orElseThrow()
                .get("learners").asLong()).isLessThanOrEqualTo(5);
    }

    @Test
    void the_course_list_counts_each_course_s_statements_and_an_unknown_course_is_404() {
        log(1, "edx.course.enrollment.activated", Trackers.newUserId(), "mode", "audit");
        log(2, "edx.course.enrollment.activated", Trackers.newUserId(), "mode", "audit");
        trackers.sendTogether(logs);
        await().atMost(EVENTUALLY).until(() -> api.statementCount(courseKey), n -> n == 2);

        JsonNode courses = InsightsApi.json(api.get("/api/courses").expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
        assertThat(courses.valueStream().filter(course -> course.get("course_key").asString().equals(courseKey))
                .findFirst().orElseThrow().get("statements").asLong()).isEqualTo(2);
        api.get("/api/courses/{key}/insights", Trackers.newCourseKey()).expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        api.get("/api/courses/{key}/insights", "course-v1:not a key").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("course_key"));
    }

    private void log(int second, String name, long userId, Object... more) {
        logs.add(Log.of(name, now.minusSeconds(200).plusSeconds(second), userId, courseKey, more));
    }

    private void grade(int second, long userId, String subsection, double earned, double possible) {
        log(second, "edx.grades.subsection.grade_calculated", userId, "block_id", block("sequential", subsection),
                "weighted_total_earned", earned, "weighted_total_possible", possible,
                "weighted_graded_earned", earned, "weighted_graded_possible", possible);
    }

    private void exam(int second, long userId, String status) {
        log(second, "edx.special_exam.proctored.attempt." + status, userId, "block_id", block("sequential", "exam"),
                "attempt_id", userId, "attempt_status", status, "exam_type", "proctored");
    }

    private String block(String type, String id) {
        return "block-v1:" + courseKey.substring("course-v1:".length()) + "+type@" + type + "+block@" + id;
    }
}
