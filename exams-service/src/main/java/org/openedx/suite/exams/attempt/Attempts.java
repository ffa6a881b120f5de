package org.openedx.suite.exams.attempt;

import java.time.Instant;
import java.util.List;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.exams.exam.Exam;
import org.openedx.suite.exams.exam.ExamRepository;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.security.Caller;
import org.openedx.suite.web.security.Scopes;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, moves and resets attempts. Each status change and its event are written in one transaction, the attempt
 * row first (the publisher flushes it before drawing the outbox id, so events of one course leave in commit order).
 * Each change, a start included, is also tracked ({@link AttemptTracking}) in that transaction, at the change's time.
 */
@Service
class Attempts {

    private final AttemptRepository attempts;
    private final ExamRepository exams;
    private final EventPublisher events;
    private final Tracker tracker;

    Attempts(AttemptRepository attempts, ExamRepository exams, EventPublisher events, Tracker tracker) {
        this.attempts = attempts;
        this.exams = exams;
        this.events = events;
        this.tracker = tracker;
    }

    /**
     * Starts the exam for the token's user, or for the learner {@code named}, whom the exam's course staff (and the
     * operator) may name.
     */
    @Transactional
    AttemptResponse start(long examId, @Nullable UserRequest named, Caller caller) {
        if (named == null && !caller.isUser()) {
            throw ApiException.badRequest("user", "is required: the token is a client's, which names no learner");
        }
        Exam exam = exams.findById(examId).orElseThrow(() -> ApiException.notFound("no exam with id " + examId));
        Learner learner = named == null ? Learner.of(caller) : named.toLearner();
        caller.require(isCaller(caller, learner) || caller.isStaffOf(exam.courseKey()),
                "start an attempt for " + learner.username() + " in " + exam.courseKey());
        if (attempts.existsByExamIdAndUserId(examId, learner.id())) {
            throw alreadyStarted(examId, learner);
        }
        Instant now = now();
        Attempt started;
        try {
            started = attempts.saveAndFlush(new Attempt(exam, learner, now));
        } catch (DataIntegrityViolationException e) {
            // a concurrent request started it between the check and the insert
            throw alreadyStarted(examId, learner);
        }
        tracker.emit(AttemptTracking.started(started, now));
        return AttemptResponse.of(started);
    }

    /** The learner submits their own attempt; the course staff (proctoring reviews) do anything. */
    @Transactional
    AttemptResponse change(long attemptId, AttemptAction action, Caller caller) {
        Attempt attempt = locked(attemptId);
        caller.require(caller.isStaffOf(attempt.exam().courseKey())
                        || (action == AttemptAction.SUBMIT && isCaller(caller, attempt.learner())),
                action + " attempt " + attemptId);
        AttemptStatus current = attempt.status();
        AttemptStatus next = current.after(action, attempt.exam().examType())
                .orElseThrow(() -> notAllowed(action, current, attempt));
        Instant now = now();
        attempt.moveTo(next, now);
        events.publish(AttemptEvents.announcing(next), AttemptEvents.statusChanged(attempt), now);
        tracker.emit(AttemptTracking.statusChanged(attempt, now));
        return AttemptResponse.of(attempt);
    }

    /**
     * Removes the attempt, whatever its status, so the learner can start over; the LMS resets its side too. The course
     * staff reset, and the event names them; a client's token names the instructor in {@code named}.
     */
    @Transactional
    void reset(long attemptId, @Nullable UserRequest named, Caller caller) {
        if (named == null && !caller.isUser()) {
            throw ApiException.badRequest("requesting_user",
                    "is required: the token is a client's, which names no instructor");
        }
        Attempt attempt = locked(attemptId);
        caller.require(caller.isStaffOf(attempt.exam().courseKey()), "reset attempt " + attemptId);
        Learner instructor = caller.isUser() ? Learner.of(caller) : named.toLearner();
        var announcement = AttemptEvents.reset(attempt, instructor);
        Instant now = now();
        attempts.delete(attempt);
        events.publish(OpenEdxEvents.EXAM_ATTEMPT_RESET, announcement, now);
        tracker.emit(AttemptTracking.deleted(attempt, now));
    }

    /** The attempt's learner, its course staff and clients with {@code exams:read} read it. */
    @Transactional(readOnly = true)
    AttemptResponse get(long attemptId, Caller caller) {
        Attempt attempt = attempts.findWithExam(attemptId).orElseThrow(() -> notFound(attemptId));
        caller.require(isCaller(caller, attempt.learner()) || caller.isStaffOf(attempt.exam().courseKey())
                || caller.hasScope(Scopes.EXAMS_READ), "read attempt " + attemptId);
        return AttemptResponse.of(attempt);
    }

    @Transactional(readOnly = true)
    List<AttemptResponse> search(String username, String courseKey) {
        return attempts.search(username, courseKey).stream().map(AttemptResponse::of).toList();
    }

    private static boolean isCaller(Caller caller, Learner learner) {
        return caller.isUser() && caller.userId() == learner.id();
    }

    private Attempt locked(long attemptId) {
        return attempts.findForUpdate(attemptId).orElseThrow(() -> notFound(attemptId));
    }

    /** Stored and sent alike: the wire carries microseconds. */
    private static Instant now() {
        return EventTimes.truncate(Instant.now());
    }

    private static ApiException notAllowed(AttemptAction action, AttemptStatus current, Attempt attempt) {
        String why = "cannot " + action + " an attempt whose status is " + current;
        if (action.isReview() && !attempt.exam().examType().isReviewed()) {
            why += ": attempts at a " + attempt.exam().examType()
                    + " exam are not reviewed; only proctored and onboarding exams are";
        }
        return ApiException.conflict(why);
    }

    private static ApiException notFound(long attemptId) {
        return ApiException.notFound("no exam attempt with id " + attemptId);
    }

    private static ApiException alreadyStarted(long examId, Learner learner) {
        return ApiException.conflict("user " + learner.id() + " already has an attempt at exam " + examId);
    }
}
