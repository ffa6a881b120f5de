package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.eventbus.TrackingLog;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The tracking logs the LMS emits (issue 15), named and shaped as Open edX's LMS names and shapes them; the tracker
 * sends those on {@code event-bus.tracking-logs}. Every log's {@code data} has the learner's LMS {@code user_id} and
 * the {@code course_id}; its {@code context} is {@code course_id}, {@code org_id}, {@code user_id},
 * {@code event_source: server} and, for a change a REST request made, the request's {@code path}.
 * <ul>
 *   <li>Enrollment: {@code activated} when a learner is enrolled for the first time or enrolls again after
 *       unenrolling, {@code mode_changed} when the mode moves, {@code deactivated} on unenrolment; each with the
 *       {@code mode}.</li>
 *   <li>{@code edx.grades.subsection.grade_calculated} on every change of a subsection's grade (a score, an override,
 *       its removal, a reset), with the weighted totals after it, the earned points being those that count (the
 *       override's if any). Every subsection here is graded, so the graded totals are the totals.</li>
 *   <li>One course grade log per crossing of the passing line: {@code passed.first_time} if the learner never passed
 *       in the course before, else {@code now_passed}; {@code now_failed} the other way.</li>
 *   <li>Certificates follow {@link CertificateRules}' announcements: {@code created} when one becomes downloadable,
 *       including again after a revocation (as Open edX creates it anew), {@code revoked} when a downloadable one is
 *       revoked or any is invalidated. A change that keeps it downloadable, or not, tracks nothing.</li>
 *   <li>{@code edx.completion_aggregator.progress.sequential} when the completion of a subsection changes.</li>
 * </ul>
 * The grade logs of one transaction share an {@code event_transaction_id}, as Open edX ties a subsection's and the
 * course's grade to the change that caused them.
 */
public final class LearnerTracking {

    public static final String ENROLLMENT_ACTIVATED = "edx.course.enrollment.activated";
    public static final String ENROLLMENT_MODE_CHANGED = "edx.course.enrollment.mode_changed";
    public static final String ENROLLMENT_DEACTIVATED = "edx.course.enrollment.deactivated";
    public static final String SUBSECTION_GRADE_CALCULATED = "edx.grades.subsection.grade_calculated";
    public static final String PASSED_FIRST_TIME = "edx.course.grade.passed.first_time";
    public static final String NOW_PASSED = "edx.course.grade.now_passed";
    public static final String NOW_FAILED = "edx.course.grade.now_failed";
    public static final String CERTIFICATE_CREATED = "edx.certificate.created";
    public static final String CERTIFICATE_REVOKED = "edx.certificate.revoked";
    public static final String SEQUENTIAL_PROGRESS = "edx.completion_aggregator.progress.sequential";

    /** Every name the LMS can emit: the default of {@code EVENT_BUS_TRACKING_LOGS}. */
    public static final List<String> NAMES = List.of(ENROLLMENT_ACTIVATED, ENROLLMENT_MODE_CHANGED,
            ENROLLMENT_DEACTIVATED, SUBSECTION_GRADE_CALCULATED, PASSED_FIRST_TIME, NOW_PASSED, NOW_FAILED,
            CERTIFICATE_CREATED, CERTIFICATE_REVOKED, SEQUENTIAL_PROGRESS);

    private static final String COURSE_GRADE_CALCULATED = "edx.grades.course.grade_calculated";
    private static final Object TRANSACTION_ID = new Object();

    private LearnerTracking() {
    }

    static TrackingLog enrollment(String name, LearnerInCourse learner, CourseMode mode, Instant at) {
        return log(name, learner.user().id(), learner.course().courseKey(), at, Map.of("mode", mode.wireName()));
    }

    /**
     * The subsection's grade after a change; a row that went (it only held an override) is 0 of 0, without
     * {@code first_attempted}.
     */
    static TrackingLog subsectionGrade(LearnerInCourse learner, String usageKey, @Nullable SubsectionGrade row,
                                       Instant at) {
        BigDecimal earned = row == null ? BigDecimal.ZERO : row.toScore().effectiveEarned();
        BigDecimal possible = row == null ? BigDecimal.ZERO : row.possible();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("block_id", usageKey);
        data.put("weighted_total_earned", earned.doubleValue());
        data.put("weighted_total_possible", possible.doubleValue());
        data.put("weighted_graded_earned", earned.doubleValue());
        data.put("weighted_graded_possible", possible.doubleValue());
        if (row != null) {
            data.put("first_attempted", EventTimes.format(row.createdAt()));
        }
        data.put("event_transaction_id", transactionId());
        data.put("event_transaction_type", SUBSECTION_GRADE_CALCULATED);
        return log(SUBSECTION_GRADE_CALCULATED, learner.user().id(), learner.course().courseKey(), at, data);
    }

    /** The crossing of the passing line that a change made. */
    static TrackingLog passing(LearnerInCourse learner, boolean passed, boolean firstTime, Instant at) {
        String name = !passed ? NOW_FAILED : firstTime ? PASSED_FIRST_TIME : NOW_PASSED;
        return log(name, learner.user().id(), learner.course().courseKey(), at, Map.of(
                "event_transaction_id", transactionId(), "event_transaction_type", COURSE_GRADE_CALCULATED));
    }

    static TrackingLog certificateCreated(LearnerInCourse learner, Certificate certificate, Instant at) {
        return log(CERTIFICATE_CREATED, learner.user().id(), learner.course().courseKey(), at, Map.of(
                "certificate_id", certificate.verifyUuid().toString(), "certificate_url", certificate.downloadUrl(),
                "enrollment_mode", certificate.mode(), "generation_mode", "self"));
    }

    static TrackingLog certificateRevoked(LearnerInCourse learner, Certificate certificate, Instant at) {
        return log(CERTIFICATE_REVOKED, learner.user().id(), learner.course().courseKey(), at, Map.of(
                "certificate_id", certificate.verifyUuid().toString(), "enrollment_mode", certificate.mode()));
    }

    /** A subsection's completion, 0..1, as it changed. */
    public static TrackingLog sequentialProgress(long userId, String courseKey, String usageKey, double percent,
                                                 Instant at) {
        return log(SEQUENTIAL_PROGRESS, userId, courseKey, at, Map.of("block_id", usageKey, "percent", percent));
    }

    private static TrackingLog log(String name, long userId, String courseKey, Instant at, Map<String, ?> fields) {
        Map<String, Object> data = new LinkedHashMap<>(fields);
        data.put("user_id", userId);
        data.put("course_id", courseKey);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("course_id", courseKey);
        context.put("org_id", orgOf(courseKey));
        context.put("user_id", userId);
        context.put("event_source", "server");
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            context.put("path", UriUtils.decode(request.getRequest().getRequestURI(), StandardCharsets.UTF_8));
        }
        return new TrackingLog(name, at, data, context);
    }

    /** {@code course-v1:edX+DemoX+2026} is {@code edX}'s. */
    private static String orgOf(String courseKey) {
        String run = courseKey.substring(courseKey.indexOf(':') + 1);
        return run.substring(0, run.indexOf('+'));
    }

    /** The id the grade logs of the current transaction share; one made up once per transaction. */
    private static String transactionId() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return UUID.randomUUID().toString();
        }
        Object bound = TransactionSynchronizationManager.getResource(TRANSACTION_ID);
        if (bound == null) {
            bound = UUID.randomUUID().toString();
            TransactionSynchronizationManager.bindResource(TRANSACTION_ID, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_ID);
                }
            });
        }
        return (String) bound;
    }
}
