package org.openedx.suite.exams.attempt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openedx.suite.eventbus.TrackingLog;
import org.openedx.suite.exams.exam.Exam;
import org.openedx.suite.exams.exam.ExamType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The tracking logs of the exams service (issue 15), as edx-proctoring names them:
 * {@code edx.special_exam.<exam type>.attempt.<what happened>}, for an attempt started, each status change the
 * service announces (submitted, verified, rejected, error) and a reset ({@code deleted}, the attempt being removed).
 * Only proctored and onboarding attempts are reviewed, so only they can be verified or rejected. {@code data}:
 * {@code user_id} (the learner's LMS user id, as the LMS put it in the token or the staff's request),
 * {@code course_id}, {@code block_id} (the exam's usage key), {@code attempt_id}, {@code attempt_status} (after the
 * change; a deleted attempt's last), {@code exam_type}; {@code context}: {@code course_id}, {@code org_id},
 * {@code user_id}, {@code event_source: server} and the request's {@code path}.
 */
final class AttemptTracking {

    private static final String STARTED = "started";
    private static final String DELETED = "deleted";

    /** Every name the service can emit: the default of {@code EVENT_BUS_TRACKING_LOGS}. */
    static final List<String> NAMES = Arrays.stream(ExamType.values()).flatMap(AttemptTracking::namesOf).toList();

    private AttemptTracking() {
    }

    static TrackingLog started(Attempt attempt, Instant at) {
        return log(attempt, STARTED, at);
    }

    /** The status the attempt moved to, as the service announces it. */
    static TrackingLog statusChanged(Attempt attempt, Instant at) {
        return log(attempt, attempt.status().value(), at);
    }

    static TrackingLog deleted(Attempt attempt, Instant at) {
        return log(attempt, DELETED, at);
    }

    static String name(ExamType type, String happened) {
        return "edx.special_exam." + type.value() + ".attempt." + happened;
    }

    private static Stream<String> namesOf(ExamType type) {
        Stream<String> happenings = Stream.concat(Stream.of(STARTED), Arrays.stream(AttemptStatus.values())
                .filter(status -> status != AttemptStatus.STARTED)
                .filter(status -> type.isReviewed()
                        || status != AttemptStatus.VERIFIED && status != AttemptStatus.REJECTED)
                .map(AttemptStatus::value));
        return Stream.concat(happenings, Stream.of(DELETED)).map(happened -> name(type, happened));
    }

    private static TrackingLog log(Attempt attempt, String happened, Instant at) {
        Exam exam = attempt.exam();
        long userId = attempt.learner().id();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId);
        data.put("course_id", exam.courseKey());
        data.put("block_id", exam.usageKey());
        data.put("attempt_id", attempt.id());
        data.put("attempt_status", attempt.status().value());
        data.put("exam_type", exam.examType().value());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("course_id", exam.courseKey());
        context.put("org_id", orgOf(exam.courseKey()));
        context.put("user_id", userId);
        context.put("event_source", "server");
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            context.put("path", UriUtils.decode(request.getRequest().getRequestURI(), StandardCharsets.UTF_8));
        }
        return new TrackingLog(name(exam.examType(), happened), at, data, context);
    }

    /** {@code course-v1:edX+DemoX+2026} is {@code edX}'s. */
    private static String orgOf(String courseKey) {
        String run = courseKey.substring(courseKey.indexOf(':') + 1);
        return run.substring(0, run.indexOf('+'));
    }
}
