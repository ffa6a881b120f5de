package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What consumers refuse before any handler sees a payload: one broken rule per case, named by its wire path. */
class PayloadConstraintsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void every_sample_payload_keeps_every_constraint() {
        for (EventType<?> type : OpenEdxEvents.ALL) {
            assertThat(PayloadConstraints.violations(VALIDATOR, SamplePayloads.of(type))).as(type.name()).isEmpty();
        }
    }

    @Test
    void a_catalog_event_needs_a_course_key_a_name_and_a_known_pacing() {
        var info = SamplePayloads.CATALOG_INFO.catalogInfo();
        var schedule = info.scheduleData();
        assertThat(violations(new CatalogInfoChangedEvent(new CourseCatalogData("edX/DemoX/2026", info.name(),
                schedule, false, false))))
                .containsExactly("catalog_info.course_key must be a course key like course-v1:ORG+NUMBER+RUN,"
                        + " at most 255 characters");
        assertThat(violations(new CatalogInfoChangedEvent(new CourseCatalogData(info.courseKey(), " ", schedule,
                false, false))))
                .containsExactly("catalog_info.name must not be blank");
        assertThat(violations(new CatalogInfoChangedEvent(new CourseCatalogData(info.courseKey(), info.name(),
                new CourseScheduleData(schedule.start(), "weekly", null, null, null), false, false))))
                .containsExactly("catalog_info.schedule_data.pacing must be self or instructor");
    }

    @Test
    void a_certificate_needs_a_course_key_and_a_username() {
        var certificate = SamplePayloads.CERTIFICATE.certificate();
        var course = new CourseData("course-v1:edX+DemoX", "Demo", null, null);
        assertThat(violations(new CertificateEvent(new CertificateData(certificate.user(), course,
                certificate.mode(), certificate.grade(), certificate.downloadUrl(), certificate.name(),
                certificate.currentStatus(), certificate.previousStatus()))))
                .containsExactly("certificate.course.course_key must be a course key like course-v1:ORG+NUMBER+RUN,"
                        + " at most 255 characters");
        var nameless = new UserData(42L, true, new UserPersonalData("", "ada@example.org", "Ada"));
        assertThat(violations(new CertificateEvent(new CertificateData(nameless, certificate.course(),
                certificate.mode(), certificate.grade(), certificate.downloadUrl(), certificate.name(),
                certificate.currentStatus(), certificate.previousStatus()))))
                .containsExactly("certificate.user.pii.username must not be blank");
    }

    @Test
    void an_exam_attempt_names_a_block_of_its_course_run() {
        var attempt = SamplePayloads.EXAM_ATTEMPT.examAttempt();
        String otherRun = "block-v1:OpenedX+DemoX+2027_T1+type@sequential+block@final_exam";
        for (String usageKey : List.of(otherRun, "final_exam", "")) {
            assertThat(violations(new ExamAttemptEvent(new ExamAttemptData(attempt.studentUser(),
                    attempt.courseKey(), usageKey, attempt.examType(), null))))
                    .as(usageKey)
                    .containsExactly("exam_attempt.usage_key must be a usage key like"
                            + " block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID of the course run");
        }
        assertThat(violations(new ExamAttemptEvent(new ExamAttemptData(attempt.studentUser(), "course-v1:nope",
                attempt.usageKey(), attempt.examType(), null)))).hasSize(1);
    }

    private static List<String> violations(Object payload) {
        return PayloadConstraints.violations(VALIDATOR, payload);
    }
}
