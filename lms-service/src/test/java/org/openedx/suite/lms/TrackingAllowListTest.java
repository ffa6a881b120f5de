package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.lms.learner.LearnerTracking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code EVENT_BUS_TRACKING_LOGS} narrowed to one name: the LMS's other tracking logs stay off the bus. (A service of
 * its own, with these settings.)
 */
@LmsServiceTest
@TestPropertySource(properties = "event-bus.tracking-logs=" + LearnerTracking.ENROLLMENT_MODE_CHANGED)
class TrackingAllowListTest {

    private final Lms lms;
    private final JdbcTemplate jdbc;
    private final Tracker tracker;

    TrackingAllowListTest(Lms lms, JdbcTemplate jdbc, Tracker tracker) {
        this.lms = lms;
        this.jdbc = jdbc;
        this.tracker = tracker;
    }

    @Test
    void a_name_left_off_the_allow_list_is_not_emitted() {
        assertThat(tracker.allowed()).containsExactly(LearnerTracking.ENROLLMENT_MODE_CHANGED);
        Lms.Course course = lms.newCourse("Narrow allow-list");
        lms.gradingPolicy(course, "0.5", false);
        Lms.Learner ada = lms.newLearner();

        lms.enroll(ada, course, "audit");
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, course.block("hw1"), 8, 10);

        assertThat(TrackingLogsTest.counts(TrackingLogsTest.settled(lms, jdbc, course)))
                .isEqualTo(Map.of(LearnerTracking.ENROLLMENT_MODE_CHANGED, 1L));
    }
}
