package org.openedx.suite.lms.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.InboundEvents;
import org.openedx.suite.eventbus.LoadedRows;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.lms.completion.BlockCompletion;
import org.openedx.suite.lms.completion.Completions;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.CoursePolicy;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.credit.CreditRequirementStatus;
import org.openedx.suite.lms.credit.CreditRequirements;
import org.openedx.suite.lms.credit.CreditStatus;
import org.openedx.suite.lms.learner.LearnerInCourse;
import org.openedx.suite.lms.learner.LearnerTracking;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
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
 * Credit requirements exist only in credit courses. The newest event per learner and subsection wins. A change of a
 * subsection's completion is tracked ({@code edx.completion_aggregator.progress.sequential}, {@link LearnerTracking}).
 * <p>
 * An event for a learner or course the LMS does not know yet fails normally: the bus retries it (the user or the
 * catalog event may still be on its way) and then dead-letters it, from where it can be replayed. In a poll it fails
 * the whole poll, which the bus then applies one event at a time, so that only that event is held back.
 */
@Component
class ExamAttemptHandler implements EventHandler<ExamAttemptEvent> {

    static final String ENTITY = "exam-subsection";
    /** The override feature of proctoring outcomes. */
    static final String PROCTORING = "proctoring";

    private final Users users;
    private final Courses courses;
    private final LearnersInCourses learners;
    private final CreditRequirements credit;
    private final Completions completions;
    private final Tracker tracker;

    ExamAttemptHandler(Users users, Courses courses, LearnersInCourses learners, CreditRequirements credit,
                       Completions completions, Tracker tracker) {
        this.users = users;
        this.courses = courses;
        this.learners = learners;
        this.credit = credit;
        this.completions = completions;
        this.tracker = tracker;
    }

    /**
     * The attempts newest-wins lets through, in their order, as one event at a time would apply them, in a few
     * statements however many there are: resolve the learners and courses, load (and lock) what the attempts touch, a
     * query a table, apply each outcome in memory; the flush stores it all. Only a crossing of the passing line, or a
     * certificate to invalidate, costs statements of its own, as it is announced when it happens.
     */
    @Override
    public void apply(InboundEvents<ExamAttemptEvent> events) {
        List<Attempt> attempts = resolve(events.newest(ENTITY, ExamAttemptHandler::entityKey));
        if (attempts.isEmpty()) {
            return;
        }
        Loaded loaded = new Loaded(learners.lock(learnersWhoseGradesChange(attempts)),
                completions.load(attempts.stream()
                        .filter(attempt -> attempt.outcome() == Outcome.SUBMITTED || attempt.outcome() == Outcome.RESET)
                        .map(Attempt::block).toList()),
                credit.load(attempts.stream().filter(Attempt::creditCourse).map(Attempt::exam).toList()), tracker);
        attempts.forEach(attempt -> attempt.outcome().apply(attempt, loaded));
    }

    /** What the attempts of a poll touch, loaded before the first is applied. */
    private record Loaded(LearnersInCourses.Locked learners, LoadedRows<Completions.Block, BlockCompletion> completions,
                          LoadedRows<CreditRequirements.Exam, CreditRequirementStatus> requirements,
                          Tracker tracker) {

        LearnerInCourse learner(Attempt attempt) {
            return learners.get(attempt.learner());
        }

        void complete(Attempt attempt, double completion) {
            var block = attempt.block();
            Instant at = EventTimes.truncate(Instant.now());
            double before = completions.find(block).map(BlockCompletion::completion).orElse(0.0);
            if (completion > 0) {
                completions.change(block, () -> new BlockCompletion(block), row -> row.complete(at));
            } else {
                // a block the learner never completed stays unrecorded
                completions.find(block).ifPresent(row -> row.reset(at));
            }
            if (before != completion) {
                tracker.emit(LearnerTracking.sequentialProgress(block.userId(), block.courseKey(), block.usageKey(),
                        completion, at));
            }
        }

        /** Courses that offer no credit have no requirements. */
        void requirement(Attempt attempt, CreditStatus status) {
            if (attempt.creditCourse()) {
                var exam = attempt.exam();
                requirements.change(exam, () -> new CreditRequirementStatus(exam),
                        row -> row.set(status, Instant.now()));
            }
        }

        void removeRequirement(Attempt attempt) {
            requirements.remove(attempt.exam());
        }
    }

    /** What an exam attempt event says happened, by its type, and what the LMS does about it. */
    private enum Outcome {
        SUBMITTED(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED) {
            @Override
            void apply(Attempt attempt, Loaded loaded) {
                loaded.complete(attempt, 1.0);
                loaded.requirement(attempt, CreditStatus.SUBMITTED);
            }
        },
        VERIFIED(OpenEdxEvents.EXAM_ATTEMPT_VERIFIED) {
            @Override
            void apply(Attempt attempt, Loaded loaded) {
                // locked only where a rejection left an override to remove
                if (loaded.learners().holds(attempt.learner())) {
                    loaded.learner(attempt).removeOverride(attempt.usageKey(), PROCTORING);
                }
                loaded.requirement(attempt, CreditStatus.SATISFIED);
            }
        },
        REJECTED(OpenEdxEvents.EXAM_ATTEMPT_REJECTED) {
            @Override
            void apply(Attempt attempt, Loaded loaded) {
                LearnerInCourse learner = loaded.learner(attempt);
                // the override may make the learner stop passing (notpassing) before the invalidation (unavailable)
                learner.override(attempt.usageKey(), BigDecimal.ZERO, PROCTORING);
                loaded.requirement(attempt, CreditStatus.FAILED);
                learner.invalidateCertificate();
            }
        },
        ERRORED(OpenEdxEvents.EXAM_ATTEMPT_ERRORED) {
            @Override
            void apply(Attempt attempt, Loaded loaded) {
                loaded.requirement(attempt, CreditStatus.FAILED);
            }
        },
        RESET(OpenEdxEvents.EXAM_ATTEMPT_RESET) {
            @Override
            void apply(Attempt attempt, Loaded loaded) {
                loaded.learner(attempt).reset(attempt.usageKey());
                loaded.complete(attempt, 0.0);
                loaded.removeRequirement(attempt);
            }
        };

        private static final Map<String, Outcome> BY_TYPE = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(outcome -> outcome.type.name(), outcome -> outcome));

        private final EventType<ExamAttemptEvent> type;

        Outcome(EventType<ExamAttemptEvent> type) {
            this.type = type;
        }

        abstract void apply(Attempt attempt, Loaded loaded);

        /** Every exam attempt type has an outcome: the handler applies exactly the types with that payload. */
        static Outcome of(EventMetadata metadata) {
            return BY_TYPE.get(metadata.type());
        }
    }

    /** An applying event with the learner and the course it is about. */
    private record Attempt(Outcome outcome, LearnerInCourse.Ref learner, String usageKey, boolean creditCourse) {

        long userId() {
            return learner.user().id();
        }

        String courseKey() {
            return learner.course().courseKey();
        }

        LearnersInCourses.Subsection subsection() {
            return new LearnersInCourses.Subsection(userId(), usageKey);
        }

        Completions.Block block() {
            return new Completions.Block(userId(), courseKey(), usageKey);
        }

        CreditRequirements.Exam exam() {
            return new CreditRequirements.Exam(userId(), courseKey(), usageKey);
        }
    }

    private static String entityKey(ExamAttemptEvent payload) {
        return payload.examAttempt().studentUser().id() + "|" + payload.examAttempt().usageKey();
    }

    /**
     * The learners and courses of the applying events, in one query each. One the LMS does not know (yet) fails the
     * poll, as it fails the event on its own: the bus then applies the poll event by event, so that only that event is
     * retried and dead-lettered, and the others apply.
     */
    private List<Attempt> resolve(List<InboundEvent<ExamAttemptEvent>> applying) {
        if (applying.isEmpty()) {
            return List.of();
        }
        Set<String> courseKeys = applying.stream().map(event -> event.payload().examAttempt().courseKey())
                .collect(Collectors.toSet());
        Map<Long, User> known = users.findAllById(applying.stream()
                .map(event -> event.payload().examAttempt().studentUser().id()).collect(Collectors.toSet()));
        Map<String, CourseOverview> overviews = courses.findAll(courseKeys);
        Map<String, CoursePolicy> policies = courses.policiesOf(courseKeys);
        List<Attempt> attempts = new ArrayList<>(applying.size());
        for (InboundEvent<ExamAttemptEvent> event : applying) {
            ExamAttemptData attempt = event.payload().examAttempt();
            long userId = attempt.studentUser().id();
            User user = known.get(userId);
            if (user == null) {
                throw new IllegalStateException("no learner with LMS user id " + userId);
            }
            CourseOverview course = overviews.get(attempt.courseKey());
            if (course == null) {
                throw new IllegalStateException("no course " + attempt.courseKey());
            }
            attempts.add(new Attempt(Outcome.of(event.metadata()), new LearnerInCourse.Ref(user, course),
                    attempt.usageKey(), policies.get(attempt.courseKey()).creditCourse()));
        }
        return attempts;
    }

    /**
     * The learners whose grades the attempts may change: those rejected or reset, and those verified where a rejection
     * left an override to remove, before this poll or in it (then the learner is rejected in it). Verifications, the
     * common case, then lock no grades. Only exam events make and remove proctoring overrides, each subsection's under
     * its newest-wins lock, which this transaction holds: the overrides read here stay as they are until it ends.
     */
    private List<LearnerInCourse.Ref> learnersWhoseGradesChange(List<Attempt> attempts) {
        Set<LearnersInCourses.Subsection> overridden = learners.overriddenBy(PROCTORING, attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.VERIFIED).map(Attempt::subsection).toList());
        return attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.REJECTED || attempt.outcome() == Outcome.RESET
                        || attempt.outcome() == Outcome.VERIFIED && overridden.contains(attempt.subsection()))
                .map(Attempt::learner).toList();
    }
}
