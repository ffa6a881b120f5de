package org.openedx.suite.lms.credit;

import java.time.Instant;
import java.util.List;

import org.openedx.suite.lms.course.Courses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners' progress on the credit requirements of credit courses. Proctored exams are requirements in namespace
 * {@code exam}, named by the exam's usage key.
 */
@Service
public class CreditRequirements {

    static final String EXAM = "exam";

    private final CreditRequirementStatusRepository statuses;
    private final Courses courses;

    CreditRequirements(CreditRequirementStatusRepository statuses, Courses courses) {
        this.statuses = statuses;
        this.courses = courses;
    }

    /** Sets the learner's status on the exam requirement; courses that offer no credit have no requirements. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setExamStatus(long userId, String courseKey, String usageKey, CreditStatus status) {
        if (!courses.policyOf(courseKey).creditCourse()) {
            return;
        }
        CreditRequirementStatus requirement = statuses
                .findByUserIdAndCourseKeyAndNamespaceAndName(userId, courseKey, EXAM, usageKey)
                .orElseGet(() -> new CreditRequirementStatus(userId, courseKey, EXAM, usageKey));
        requirement.set(status, Instant.now());
        statuses.save(requirement);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removeExamStatus(long userId, String courseKey, String usageKey) {
        statuses.findByUserIdAndCourseKeyAndNamespaceAndName(userId, courseKey, EXAM, usageKey)
                .ifPresent(statuses::delete);
    }

    @Transactional(readOnly = true)
    List<CreditRequirementStatus> of(long userId, String courseKey) {
        return statuses.findByUserIdAndCourseKeyOrderByNamespaceAscNameAsc(userId, courseKey);
    }
}
