package org.openedx.suite.cms.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.cms.course.CmsClient.course;
import static org.openedx.suite.cms.course.CmsClient.instant;
import static org.openedx.suite.cms.course.CmsClient.minimalCourse;
import static org.openedx.suite.cms.course.CmsClient.newCourseKey;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openedx.suite.cms.CmsServiceTest;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.testsupport.TestIssuer;
import org.openedx.suite.web.security.Caller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CMS's tracking log on {@code analytics} (issue 15, {@link CourseTracking}): each publish emits one
 * {@code edx.course.published}, in its transaction and at its time; a rolled-back publish emits none.
 */
@CmsServiceTest
class CourseTrackingTest {

    private final CmsClient operator;
    private final Tracker tracker;
    private final TransactionTemplate transactions;
    private final Courses courses;

    CourseTrackingTest(CmsClient cms, Tracker tracker, TransactionTemplate transactions, Courses courses) {
        this.operator = cms;
        this.tracker = tracker;
        this.transactions = transactions;
        this.courses = courses;
    }

    @Test
    void by_default_every_name_the_cms_emits_goes_on_the_bus() {
        assertThat(tracker.allowed()).containsExactlyInAnyOrderElementsOf(CourseTracking.NAMES);
    }

    @Test
    void a_publish_by_course_staff_is_tracked_once_with_their_user_id_at_the_publish_time() {
        String key = newCourseKey();
        operator.create(minimalCourse(key));

        operator.as(TestIssuer.staffToken(41, "carol", key)).post(course(key) + "/publish", "")
                .expectStatus().isAccepted();

        List<CmsClient.Tracked> logs = operator.trackingLogsOf(key);
        assertThat(logs).hasSize(1);
        CmsClient.Tracked published = logs.get(0);
        assertThat(published.name()).isEqualTo("edx.course.published");
        assertThat(published.key()).isEqualTo("edx.course.published");
        assertThat(published.time()).isEqualTo(instant(operator.read(key).get("published_at")));
        assertThat(published.data()).isEqualTo(Map.of("course_id", key, "user_id", 41));
        assertThat(published.context()).isEqualTo(Map.of("course_id", key, "org_id", "edX", "user_id", 41,
                "event_source", "server", "path", "/api/courses/" + key + "/publish"));
    }

    @Test
    void a_publish_by_a_client_names_no_user_and_each_publish_is_tracked() {
        String key = newCourseKey();
        operator.create(minimalCourse(key));

        operator.publish(key);
        operator.publish(key);

        List<CmsClient.Tracked> logs = operator.trackingLogsOf(key);
        assertThat(logs).hasSize(2);
        assertThat(logs.get(1).time()).isEqualTo(instant(operator.read(key).get("published_at")));
        assertThat(logs.get(1).data()).isEqualTo(Map.of("course_id", key));
        assertThat(logs.get(1).context()).doesNotContainKey("user_id").containsEntry("org_id", "edX");
    }

    @Test
    void a_rolled_back_publish_emits_nothing() {
        String key = newCourseKey();
        operator.create(minimalCourse(key));
        Caller carol = new Caller("carol", 41L, "carol@example.com", "Carol", Set.of("staff"), Set.of(key), Set.of());

        transactions.executeWithoutResult(transaction -> {
            courses.publish(key, carol);
            transaction.setRollbackOnly();
        });
        operator.as(TestIssuer.staffToken(41, "carol", key)).post(course(newCourseKey()) + "/publish", "")
                .expectStatus().isForbidden();

        assertThat(operator.trackingLogsOf(key)).isEmpty();
        assertThat(operator.read(key).get("publish_count").asInt()).isZero();
    }
}
