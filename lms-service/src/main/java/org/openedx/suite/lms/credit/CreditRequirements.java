package org.openedx.suite.lms.credit;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.openedx.suite.eventbus.LoadedRows;
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

    /** A learner's proctored exam in a course. */
    public record Exam(long userId, String courseKey, String usageKey) {
    }

    private final CreditRequirementStatusRepository statuses;
    private final EntityManager entityManager;

    CreditRequirements(CreditRequirementStatusRepository statuses, EntityManager entityManager) {
        this.statuses = statuses;
        this.entityManager = entityManager;
    }

    /** The learners' statuses on the exams there are, read in one query, for changes made in memory. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LoadedRows<Exam, CreditRequirementStatus> load(Collection<Exam> exams) {
        List<CreditRequirementStatus> stored = exams.isEmpty() ? List.of() : statuses.findOfExams(EXAM,
                exams.stream().map(Exam::userId).toArray(Long[]::new),
                exams.stream().map(Exam::courseKey).toArray(String[]::new),
                exams.stream().map(Exam::usageKey).toArray(String[]::new));
        return LoadedRows.of(entityManager, stored, CreditRequirements::examOf);
    }

    @Transactional(readOnly = true)
    List<CreditRequirementStatus> of(long userId, String courseKey) {
        return statuses.findByUserIdAndCourseKeyOrderByNamespaceAscNameAsc(userId, courseKey);
    }

    private static Exam examOf(CreditRequirementStatus status) {
        return new Exam(status.userId(), status.courseKey(), status.name());
    }
}
