package org.openedx.suite.lms.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.lms.learner.CertificateRules.Announcement.CHANGED;
import static org.openedx.suite.lms.learner.CertificateRules.Announcement.CREATED;
import static org.openedx.suite.lms.learner.CertificateRules.Announcement.NONE;
import static org.openedx.suite.lms.learner.CertificateRules.Announcement.REVOKED;
import static org.openedx.suite.lms.learner.CertificateStatus.AUDIT_NOTPASSING;
import static org.openedx.suite.lms.learner.CertificateStatus.AUDIT_PASSING;
import static org.openedx.suite.lms.learner.CertificateStatus.DOWNLOADABLE;
import static org.openedx.suite.lms.learner.CertificateStatus.NOTPASSING;
import static org.openedx.suite.lms.learner.CertificateStatus.UNAVAILABLE;
import static org.openedx.suite.lms.learner.CourseMode.AUDIT;
import static org.openedx.suite.lms.learner.CourseMode.HONOR;
import static org.openedx.suite.lms.learner.CourseMode.PROFESSIONAL;
import static org.openedx.suite.lms.learner.CourseMode.VERIFIED;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openedx.suite.lms.learner.CertificateRules.Certificate;
import org.openedx.suite.lms.learner.CertificateRules.Outcome;
import org.openedx.suite.lms.learner.CourseMode;

class CertificateRulesTest {

    private static final boolean PASSING = true;
    private static final boolean NOT_PASSING = false;

    @Nested
    class WhenTheLearnerStartsPassing {

        @ParameterizedTest
        @EnumSource(value = CourseMode.class, names = "AUDIT", mode = EnumSource.Mode.EXCLUDE)
        void a_certificate_eligible_mode_earns_a_downloadable_certificate(CourseMode mode) {
            assertThat(CertificateRules.evaluate(null, mode, PASSING))
                    .isEqualTo(new Outcome(new Certificate(DOWNLOADABLE, mode), CREATED));
        }

        @Test
        void an_audit_learner_gets_no_certificate() {
            assertThat(CertificateRules.evaluate(null, AUDIT, PASSING)).isEqualTo(new Outcome(null, NONE));
        }

        @Test
        void a_learner_who_is_not_enrolled_gets_no_certificate() {
            assertThat(CertificateRules.evaluate(null, null, PASSING)).isEqualTo(new Outcome(null, NONE));
        }

        @Test
        void a_learner_who_passes_again_gets_the_certificate_again() {
            assertThat(CertificateRules.evaluate(cert(NOTPASSING, VERIFIED), VERIFIED, PASSING))
                    .isEqualTo(new Outcome(cert(DOWNLOADABLE, VERIFIED), CREATED));
        }
    }

    @Nested
    class WhenTheLearnerStopsPassing {

        @Test
        void a_downloadable_certificate_is_marked_notpassing_and_revoked() {
            assertThat(CertificateRules.evaluate(cert(DOWNLOADABLE, VERIFIED), VERIFIED, NOT_PASSING))
                    .isEqualTo(new Outcome(cert(NOTPASSING, VERIFIED), REVOKED));
        }

        @Test
        void a_learner_who_never_passed_still_has_no_certificate() {
            assertThat(CertificateRules.evaluate(null, VERIFIED, NOT_PASSING)).isEqualTo(new Outcome(null, NONE));
        }
    }

    @Nested
    class WhenNothingCrossesTheLine {

        @Test
        void evaluating_again_changes_and_announces_nothing() {
            assertThat(CertificateRules.evaluate(cert(DOWNLOADABLE, VERIFIED), VERIFIED, PASSING).announcement())
                    .isEqualTo(NONE);
            assertThat(CertificateRules.evaluate(cert(NOTPASSING, VERIFIED), VERIFIED, NOT_PASSING).announcement())
                    .isEqualTo(NONE);
            assertThat(CertificateRules.evaluate(null, AUDIT, PASSING).announcement()).isEqualTo(NONE);
        }
    }

    @Nested
    class WhenTheModeChanges {

        @Test
        void a_downloadable_certificate_follows_the_mode_and_the_change_is_announced() {
            assertThat(CertificateRules.evaluate(cert(DOWNLOADABLE, VERIFIED), PROFESSIONAL, PASSING))
                    .isEqualTo(new Outcome(cert(DOWNLOADABLE, PROFESSIONAL), CHANGED));
        }

        @Test
        void a_passing_audit_learner_who_upgrades_earns_the_certificate() {
            assertThat(CertificateRules.evaluate(null, VERIFIED, PASSING))
                    .isEqualTo(new Outcome(cert(DOWNLOADABLE, VERIFIED), CREATED));
        }

        @Test
        void moving_to_audit_revokes_a_downloadable_certificate() {
            assertThat(CertificateRules.evaluate(cert(DOWNLOADABLE, VERIFIED), AUDIT, PASSING))
                    .isEqualTo(new Outcome(cert(AUDIT_PASSING, AUDIT), REVOKED));
        }

        @Test
        void moving_back_from_audit_while_passing_creates_it_again() {
            assertThat(CertificateRules.evaluate(cert(AUDIT_PASSING, AUDIT), VERIFIED, PASSING))
                    .isEqualTo(new Outcome(cert(DOWNLOADABLE, VERIFIED), CREATED));
        }

        @Test
        void a_certificate_that_is_not_downloadable_follows_the_mode_as_a_change() {
            assertThat(CertificateRules.evaluate(cert(NOTPASSING, VERIFIED), AUDIT, NOT_PASSING))
                    .isEqualTo(new Outcome(cert(AUDIT_NOTPASSING, AUDIT), CHANGED));
            assertThat(CertificateRules.evaluate(cert(NOTPASSING, VERIFIED), HONOR, NOT_PASSING))
                    .isEqualTo(new Outcome(cert(NOTPASSING, HONOR), CHANGED));
        }
    }

    @Nested
    class Invalidation {

        @Test
        void makes_the_certificate_unavailable_and_revokes_it() {
            assertThat(CertificateRules.invalidate(cert(DOWNLOADABLE, VERIFIED)))
                    .isEqualTo(new Outcome(cert(UNAVAILABLE, VERIFIED), REVOKED));
            assertThat(CertificateRules.invalidate(cert(NOTPASSING, VERIFIED)))
                    .isEqualTo(new Outcome(cert(UNAVAILABLE, VERIFIED), REVOKED));
        }

        @Test
        void is_for_good_neither_passing_nor_a_mode_change_brings_the_certificate_back() {
            Certificate invalidated = cert(UNAVAILABLE, VERIFIED);

            assertThat(CertificateRules.evaluate(invalidated, VERIFIED, PASSING)).isEqualTo(new Outcome(invalidated, NONE));
            assertThat(CertificateRules.evaluate(invalidated, VERIFIED, NOT_PASSING)).isEqualTo(new Outcome(invalidated, NONE));
            assertThat(CertificateRules.evaluate(invalidated, PROFESSIONAL, PASSING)).isEqualTo(new Outcome(invalidated, NONE));
        }

        @Test
        void of_an_unavailable_certificate_announces_nothing_again() {
            assertThat(CertificateRules.invalidate(cert(UNAVAILABLE, VERIFIED)).announcement()).isEqualTo(NONE);
        }
    }

    @Test
    void the_certificate_grade_is_the_course_percent_as_python_prints_a_float() {
        assertThat(CertificateRules.gradeText(new BigDecimal("0.85"))).isEqualTo("0.85");
        assertThat(CertificateRules.gradeText(new BigDecimal("0.50"))).isEqualTo("0.5");
        assertThat(CertificateRules.gradeText(new BigDecimal("1.00"))).isEqualTo("1.0");
        assertThat(CertificateRules.gradeText(new BigDecimal("0.00"))).isEqualTo("0.0");
    }

    private static Certificate cert(CertificateStatus status, CourseMode mode) {
        return new Certificate(status, mode);
    }
}
