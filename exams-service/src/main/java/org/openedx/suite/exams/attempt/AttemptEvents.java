package org.openedx.suite.exams.attempt;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.eventbus.ProducedEvents;
import org.openedx.suite.exams.exam.Exam;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exam attempt lifecycle events as Open edX defines them, and which status change emits which. */
@Configuration(proxyBeanMethods = false)
class AttemptEvents {

    @Bean
    ProducedEvents attemptLifecycleEvents() {
        return ProducedEvents.of(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED, OpenEdxEvents.EXAM_ATTEMPT_VERIFIED,
                OpenEdxEvents.EXAM_ATTEMPT_REJECTED, OpenEdxEvents.EXAM_ATTEMPT_ERRORED,
                OpenEdxEvents.EXAM_ATTEMPT_RESET);
    }

    static EventType<ExamAttemptEvent> announcing(AttemptStatus status) {
        return switch (status) {
            case SUBMITTED -> OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED;
            case VERIFIED -> OpenEdxEvents.EXAM_ATTEMPT_VERIFIED;
            case REJECTED -> OpenEdxEvents.EXAM_ATTEMPT_REJECTED;
            case ERROR -> OpenEdxEvents.EXAM_ATTEMPT_ERRORED;
            case STARTED -> throw new IllegalArgumentException("starting an attempt is not an Open edX event");
        };
    }

    /** Open edX names the learner as requester of a submission; reviews and errors have no requester. */
    static ExamAttemptEvent statusChanged(Attempt attempt) {
        Learner requester = attempt.status() == AttemptStatus.SUBMITTED ? attempt.learner() : null;
        return payload(attempt, requester);
    }

    static ExamAttemptEvent reset(Attempt attempt, Learner instructor) {
        return payload(attempt, instructor);
    }

    private static ExamAttemptEvent payload(Attempt attempt, @Nullable Learner requester) {
        Exam exam = attempt.exam();
        return new ExamAttemptEvent(new ExamAttemptData(user(attempt.learner()), exam.courseKey(), exam.usageKey(),
                exam.examType().value(), requester == null ? null : user(requester)));
    }

    /** The exams service knows only active users: the LMS sends no others to take exams. */
    private static UserData user(Learner learner) {
        return new UserData(learner.id(), true, new UserPersonalData(learner.username(), learner.email(),
                learner.name()));
    }
}
