package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event types of the suite travel on the base topics Open edX assigns them, each from its one producer. */
class OpenEdxEventsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "org.openedx.content_authoring.course.catalog_info.changed.v1, course-catalog-info-changed, openedx/cms/web",
            "org.openedx.learning.certificate.created.v1, learning-certificate-lifecycle, openedx/lms/web",
            "org.openedx.learning.certificate.changed.v1, learning-certificate-lifecycle, openedx/lms/web",
            "org.openedx.learning.certificate.revoked.v1, learning-certificate-lifecycle, openedx/lms/web",
            "org.openedx.learning.exam.attempt.submitted.v1, learning-exam-attempt-lifecycle, openedx/exams/web",
            "org.openedx.learning.exam.attempt.verified.v1, learning-exam-attempt-lifecycle, openedx/exams/web",
            "org.openedx.learning.exam.attempt.rejected.v1, learning-exam-attempt-lifecycle, openedx/exams/web",
            "org.openedx.learning.exam.attempt.errored.v1, learning-exam-attempt-lifecycle, openedx/exams/web",
            "org.openedx.learning.exam.attempt.reset.v1, learning-exam-attempt-lifecycle, openedx/exams/web",
            "org.openedx.learning.course.passing.status.updated.v1, learning-badges-lifecycle, openedx/lms/web",
            "org.openedx.learning.program.certificate.awarded.v1, learning-program-certificate-lifecycle, "
                    + "openedx/credentials/web",
            "org.openedx.learning.program.certificate.revoked.v1, learning-program-certificate-lifecycle, "
                    + "openedx/credentials/web",
            "org.openedx.learning.ccx.course.passing.status.updated.v1, learning-badges-lifecycle, openedx/lms/web",
            "org.openedx.learning.badge.awarded.v1, learning-badges-lifecycle, openedx/credentials/web",
            "org.openedx.learning.badge.revoked.v1, learning-badges-lifecycle, openedx/credentials/web",
            "org.openedx.analytics.tracking.event.emitted.v1, analytics, openedx/lms/web",
            "org.openedx.analytics.tracking.event.emitted.v1, analytics, openedx/exams/web",
            "org.openedx.analytics.tracking.event.emitted.v1, analytics, openedx/cms/web",
            "org.openedx.content_authoring.xblock.published.v1, content-authoring-xblock-lifecycle, openedx/cms/web",
            "org.openedx.content_authoring.xblock.deleted.v1, content-authoring-xblock-lifecycle, openedx/cms/web",
            "org.openedx.content_authoring.xblock.duplicated.v1, content-authoring-xblock-lifecycle, openedx/cms/web"})
    void each_event_type_is_known_by_name_travels_on_its_base_topic_and_comes_from_its_producer(
            String name, String baseTopic, String source) {
        assertThat(OpenEdxEvents.byName(name)).hasValueSatisfying(type -> {
            assertThat(type.baseTopic()).isEqualTo(baseTopic);
            assertThat(type.isFrom(source)).isTrue();
        });
    }

    @Test
    void every_known_event_type_is_listed() {
        assertThat(OpenEdxEvents.ALL).hasSize(19).doesNotHaveDuplicates();
    }

    @Test
    void only_tracking_logs_have_several_producers_and_no_type_accepts_a_source_outside_them() {
        assertThat(OpenEdxEvents.ALL).filteredOn(type -> type.producers().size() > 1)
                .containsExactly(OpenEdxEvents.TRACKING_EVENT_EMITTED);
        assertThat(OpenEdxEvents.TRACKING_EVENT_EMITTED.isFrom("openedx/credentials/web")).isFalse();
        assertThat(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.isFrom("openedx/lms/web")).isFalse();
    }

    @Test
    void an_event_type_outside_the_suite_is_unknown() {
        assertThat(OpenEdxEvents.byName("org.openedx.learning.forum.thread.created.v1")).isEmpty();
    }
}
