package org.openedx.suite.lms.exam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.lms.certificate.Certificates;
import org.openedx.suite.lms.completion.Completions;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.credit.CreditRequirements;
import org.openedx.suite.lms.credit.CreditStatus;
import org.openedx.suite.lms.grade.CourseGrades;
import org.openedx.suite.lms.grade.LearnerInCourse;
import org.openedx.suite.lms.grade.LearnerSubsection;
import org.openedx.suite.lms.grade.LockedStandings;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.OpenEdxKeys;
import org.springframework.stereotype.Component;

/**
 * The LMS's side of an exam attempt's life, as Open edX's LMS reacts to edx-exams:
 * <ul>
 *   <li>submitted: the exam subsection is complete; credit requirement {@code submitted}.</li>
 *   <li>verified: the proctoring override goes, so the learner's own score counts again; requirement
 *       {@code satisfied}.</li>
 *   <li>rejected: the subsection grade is overridden to 0 earned (feature {@code proctoring}); requirement
 *       {@code failed}; the learner's certificate in the course, if any, is invalidated.</li>
 *   <li>errored: requirement {@code failed}.</li>
 *   <li>reset: the learner's score, override and completion of the subsection are cleared and the requirement
 *       status removed.</li>
 * </ul>
 * Credit requirements exist only in credit courses. The newest event per learner and subsection wins.
 * <p>
 * An event for a learner or course the LMS does not know yet fails normally: the bus retries it (the user or the
 * catalog event may still be on its way) and then dead-letters it, from where it can be replayed. In a poll it fails
 * the whole poll, which the bus then applies one event at a time, so that only that event is held back.
 */
@Component
class ExamAttemptHandler implements EventHandler<ExamAttemptEvent> {

    static final String ENTITY = "exam-subsection";

    private final EntityVersions versions;
    private final Users users;
    private final Courses courses;
    private final CourseGrades grades;
    private final Certificates certificates;
    private final CreditRequirements credit;
    private final Completions completions;

    ExamAttemptHandler(EntityVersions versions, Users users, Courses courses, CourseGrades grades,
                       Certificates certificates, CreditRequirements credit, Completions completions) {
        this.versions = versions;
        this.users = users;
        this.courses = courses;
        this.grades = grades;
        this.certificates = certificates;
        this.credit = credit;
        this.completions = completions;
    }

    @Override
    public List<EventType<ExamAttemptEvent>> eventTypes() {
        return Arrays.stream(Outcome.values()).map(Outcome::type).toList();
    }

    /**
     * One event: the bus calls this when it applies a poll again one event at a time, in one transaction, or replays a
     * dead letter. Newest-wins sees what the events before it in the transaction decided: they share its lock.
     */
    @Override
    public void handle(ExamAttemptEvent payload, EventMetadata metadata) {
        handleAll(List.of(new InboundEvent<>(payload, metadata)));
    }

    /**
     * The poll's attempts in a handful of statements, with the effect of each applied in turn: newest-wins decides for
     * all of them at once, then {@link #apply} applies those it lets through.
     */
    @Override
    public void handleAll(List<InboundEvent<ExamAttemptEvent>> events) {
        events.forEach(ExamAttemptHandler::validate);
        apply(versions.newestOf(ENTITY, events, ExamAttemptHandler::entityKey));
    }

    /**
     * Applies the events in their order, as one event at a time would, in a few statements however many there are:
     * what they touch is read, a query a table, the learners' standings locked in one statement; the effects are
     * applied in memory by the same rules as any other change; and everything is written at one flush. Only a
     * crossing of the passing line, or a certificate to invalidate, costs statements of its own, as it is announced
     * when it happens.
     */
    private void apply(List<InboundEvent<ExamAttemptEvent>> applying) {
        if (applying.isEmpty()) {
            return;
        }
        List<Attempt> attempts = resolve(applying);

        LockedStandings standings = grades.lockStandings(gradesToChange(attempts));
        // read once the standings are locked, as invalidating one certificate on its own does
        certificates.readAhead(learnersWith(attempts, Outcome.REJECTED));
        Completions.Batch completed = completions.batchOf(attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.SUBMITTED || attempt.outcome() == Outcome.RESET)
                .map(attempt -> new Completions.Block(attempt.userId(), attempt.courseKey(), attempt.usageKey()))
                .toList());
        CreditRequirements.Batch requirements = credit.batchOf(attempts.stream().map(Attempt::exam).toList());

        for (Attempt attempt : attempts) {
            LearnerInCourse learner = attempt.learner();
            String usageKey = attempt.usageKey();
            switch (attempt.outcome()) {
                case SUBMITTED -> {
                    completed.complete(attempt.userId(), attempt.courseKey(), usageKey);
                    requirements.setExamStatus(attempt.exam(), CreditStatus.SUBMITTED);
                }
                case VERIFIED -> {
                    if (standings.holds(learner)) {
                        standings.removeOverride(learner, usageKey, CourseGrades.PROCTORING);
                    }
                    requirements.setExamStatus(attempt.exam(), CreditStatus.SATISFIED);
                }
                case REJECTED -> {
                    // the override may make the learner stop passing (notpassing) before the invalidation (unavailable)
                    standings.override(learner, usageKey, BigDecimal.ZERO, CourseGrades.PROCTORING);
                    requirements.setExamStatus(attempt.exam(), CreditStatus.FAILED);
                    certificates.invalidateIfAny(learner.user(), learner.course(), standings.standingOf(learner));
                }
                case ERRORED -> requirements.setExamStatus(attempt.exam(), CreditStatus.FAILED);
                case RESET -> {
                    standings.reset(learner, usageKey);
                    completed.reset(attempt.userId(), usageKey);
                    requirements.removeExamStatus(attempt.exam());
                }
            }
        }
        standings.store();
        completed.store();
        requirements.store();
    }

    /** What an exam attempt event says happened, by its type. */
    private enum Outcome {
        SUBMITTED(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED),
        VERIFIED(OpenEdxEvents.EXAM_ATTEMPT_VERIFIED),
        REJECTED(OpenEdxEvents.EXAM_ATTEMPT_REJECTED),
        ERRORED(OpenEdxEvents.EXAM_ATTEMPT_ERRORED),
        RESET(OpenEdxEvents.EXAM_ATTEMPT_RESET);

        private static final Map<String, Outcome> BY_TYPE = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(outcome -> outcome.type.name(), outcome -> outcome));

        private final EventType<ExamAttemptEvent> type;

        Outcome(EventType<ExamAttemptEvent> type) {
            this.type = type;
        }

        EventType<ExamAttemptEvent> type() {
            return type;
        }

        static Outcome of(EventMetadata metadata) {
            Outcome outcome = BY_TYPE.get(metadata.type());
            if (outcome == null) {
                throw new PoisonMessageException("not an exam attempt event: " + metadata.type());
            }
            return outcome;
        }
    }

    /** An applying event with the learner and the course it is about. */
    private record Attempt(Outcome outcome, LearnerInCourse learner, String usageKey) {

        long userId() {
            return learner.user().id();
        }

        String courseKey() {
            return learner.course().courseKey();
        }

        LearnerSubsection subsection() {
            return new LearnerSubsection(userId(), usageKey);
        }

        CreditRequirements.Exam exam() {
            return new CreditRequirements.Exam(userId(), courseKey(), usageKey);
        }
    }

    private static String entityKey(ExamAttemptEvent payload) {
        return payload.examAttempt().studentUser().id() + "|" + payload.examAttempt().usageKey();
    }

    private static void validate(InboundEvent<ExamAttemptEvent> event) {
        ExamAttemptData attempt = event.payload().examAttempt();
        String usageKey = attempt.usageKey();
        if (!OpenEdxKeys.isBlockOf(usageKey, attempt.courseKey())) {
            throw new PoisonMessageException("exam_attempt.usage_key " + usageKey + " is not a block of course "
                    + attempt.courseKey());
        }
        Outcome.of(event.metadata());
    }

    /**
     * The learners and courses of the applying events, in one query each. One the LMS does not know (yet) fails the
     * poll, as it fails the event on its own: the bus then applies the poll event by event, so that only that event is
     * retried and dead-lettered, and the others apply.
     */
    private List<Attempt> resolve(List<InboundEvent<ExamAttemptEvent>> applying) {
        Map<Long, User> learners = users.findAllById(applying.stream()
                .map(event -> event.payload().examAttempt().studentUser().id()).collect(Collectors.toSet()));
        Map<String, CourseOverview> known = courses.findAll(applying.stream()
                .map(event -> event.payload().examAttempt().courseKey()).collect(Collectors.toSet()));
        List<Attempt> attempts = new ArrayList<>(applying.size());
        for (InboundEvent<ExamAttemptEvent> event : applying) {
            ExamAttemptData attempt = event.payload().examAttempt();
            long userId = attempt.studentUser().id();
            User user = learners.get(userId);
            if (user == null) {
                throw new IllegalStateException("no learner with LMS user id " + userId);
            }
            CourseOverview course = known.get(attempt.courseKey());
            if (course == null) {
                throw new IllegalStateException("no course " + attempt.courseKey());
            }
            attempts.add(new Attempt(Outcome.of(event.metadata()), new LearnerInCourse(user, course),
                    attempt.usageKey()));
        }
        return attempts;
    }

    /**
     * The learners whose grades the attempts may change: those rejected or reset, and those verified where a rejection
     * left an override to remove, before this poll or in it (then the learner is rejected in it). Verifications, the
     * common case, then lock no grades. Only exam events make and remove proctoring overrides, each subsection's under
     * its newest-wins lock, which this transaction holds: the overrides read here stay as they are until it ends.
     */
    private List<LearnerInCourse> gradesToChange(List<Attempt> attempts) {
        Set<LearnerSubsection> overridden = grades.overriddenBy(CourseGrades.PROCTORING, attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.VERIFIED).map(Attempt::subsection).toList());
        return attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.REJECTED || attempt.outcome() == Outcome.RESET
                        || attempt.outcome() == Outcome.VERIFIED && overridden.contains(attempt.subsection()))
                .map(Attempt::learner).toList();
    }

    private static List<LearnerInCourse> learnersWith(List<Attempt> attempts, Outcome outcome) {
        return attempts.stream().filter(attempt -> attempt.outcome() == outcome).map(Attempt::learner).toList();
    }
}
