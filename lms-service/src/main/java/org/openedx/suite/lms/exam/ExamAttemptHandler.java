package org.openedx.suite.lms.exam;

import java.math.BigDecimal;
import java.util.List;

import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.ExamAttemptData;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.PoisonMessageException;
import org.openedx.suite.lms.certificate.Certificates;
import org.openedx.suite.lms.completion.Completions;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.credit.CreditRequirements;
import org.openedx.suite.lms.credit.CreditStatus;
import org.openedx.suite.lms.grade.CourseGrades;
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
 * catalog event may still be on its way) and then dead-letters it, from where it can be replayed.
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
        return List.of(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED, OpenEdxEvents.EXAM_ATTEMPT_VERIFIED,
                OpenEdxEvents.EXAM_ATTEMPT_REJECTED, OpenEdxEvents.EXAM_ATTEMPT_ERRORED,
                OpenEdxEvents.EXAM_ATTEMPT_RESET);
    }

    @Override
    public void handle(ExamAttemptEvent payload, EventMetadata metadata) {
        ExamAttemptData attempt = payload.examAttempt();
        String usageKey = attempt.usageKey();
        if (!OpenEdxKeys.isCourseKey(attempt.courseKey()) || !OpenEdxKeys.isUsageKey(usageKey)
                || !OpenEdxKeys.courseKeyOf(usageKey).equals(attempt.courseKey())) {
            throw new PoisonMessageException("exam_attempt.usage_key " + usageKey + " is not a block of course "
                    + attempt.courseKey());
        }
        long userId = attempt.studentUser().id();
        if (!versions.advance(ENTITY, userId + "|" + usageKey, metadata)) {
            return;
        }
        User user = users.findById(userId).orElseThrow(
                () -> new IllegalStateException("no learner with LMS user id " + userId));
        CourseOverview course = courses.find(attempt.courseKey()).orElseThrow(
                () -> new IllegalStateException("no course " + attempt.courseKey()));
        String courseKey = course.courseKey();

        String type = metadata.type();
        if (type.equals(OpenEdxEvents.EXAM_ATTEMPT_SUBMITTED.name())) {
            completions.complete(userId, courseKey, usageKey);
            credit.setExamStatus(userId, courseKey, usageKey, CreditStatus.SUBMITTED);
        } else if (type.equals(OpenEdxEvents.EXAM_ATTEMPT_VERIFIED.name())) {
            grades.removeOverride(user, course, usageKey, CourseGrades.PROCTORING);
            credit.setExamStatus(userId, courseKey, usageKey, CreditStatus.SATISFIED);
        } else if (type.equals(OpenEdxEvents.EXAM_ATTEMPT_REJECTED.name())) {
            // the override may make the learner stop passing (notpassing) before the invalidation (unavailable)
            grades.override(user, course, usageKey, BigDecimal.ZERO, CourseGrades.PROCTORING);
            credit.setExamStatus(userId, courseKey, usageKey, CreditStatus.FAILED);
            certificates.invalidateIfAny(user, course);
        } else if (type.equals(OpenEdxEvents.EXAM_ATTEMPT_ERRORED.name())) {
            credit.setExamStatus(userId, courseKey, usageKey, CreditStatus.FAILED);
        } else if (type.equals(OpenEdxEvents.EXAM_ATTEMPT_RESET.name())) {
            grades.reset(user, course, usageKey);
            completions.reset(userId, usageKey);
            credit.removeExamStatus(userId, courseKey, usageKey);
        } else {
            throw new PoisonMessageException("not an exam attempt event: " + type);
        }
    }
}
