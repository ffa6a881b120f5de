package org.openedx.suite.cms.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.cms.course.CmsClient.minimalCourse;
import static org.openedx.suite.cms.course.CmsClient.newCourseKey;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.eventbus.Tracker;
import org.springframework.test.context.TestPropertySource;

/** {@code EVENT_BUS_TRACKING_LOGS} without {@code edx.course.published}: publishing tracks nothing. (A CMS of its own.) */
@CmsServiceTest
@TestPropertySource(properties = "event-bus.tracking-logs=edx.course.created")
class CourseTrackingAllowListTest {

    private final CmsClient cms;
    private final Tracker tracker;

    CourseTrackingAllowListTest(CmsClient cms, Tracker tracker) {
        this.cms = cms;
        this.tracker = tracker;
    }

    @Test
    void a_name_left_off_the_allow_list_is_not_emitted() {
        assertThat(tracker.allowed()).containsExactly("edx.course.created");
        String key = newCourseKey();
        cms.create(minimalCourse(key));

        cms.publish(key);

        // the publish is out, with its catalog event, and no tracking log is on its way
        await().atMost(Duration.ofSeconds(30)).until(() -> cms.catalogEventsOf(key).size() == 1);
        assertThat(cms.trackingLogsOf(key)).isEmpty();
    }
}
