package org.openedx.suite.lms.credit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openedx.suite.lms.batch.KeyedRows;
import org.openedx.suite.lms.course.CoursePolicy;
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

    /** A learner's proctored exam in a course, as a batch of changes names it. */
    public record Exam(long userId, String courseKey, String usageKey) {
    }

    private final CreditRequirementStatusRepository statuses;
    private final Courses courses;

    CreditRequirements(CreditRequirementStatusRepository statuses, Courses courses) {
        this.statuses = statuses;
        this.courses = courses;
    }

    /** Reads the learners' statuses on the exams, and which courses offer credit, for a batch of changes in memory. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Batch batchOf(Collection<Exam> exams) {
        if (exams.isEmpty()) {
            return new Batch(Map.of(), new KeyedRows<>(List.of(), CreditRequirements::examOf));
        }
        Map<String, CoursePolicy> policies = courses.policiesOf(
                exams.stream().map(Exam::courseKey).collect(Collectors.toSet()));
        List<CreditRequirementStatus> stored = statuses.findOfExams(EXAM,
                exams.stream().map(Exam::userId).toArray(Long[]::new),
                exams.stream().map(Exam::courseKey).toArray(String[]::new),
                exams.stream().map(Exam::usageKey).toArray(String[]::new));
        return new Batch(policies, new KeyedRows<>(stored, CreditRequirements::examOf));
    }

    @Transactional(readOnly = true)
    List<CreditRequirementStatus> of(long userId, String courseKey) {
        return statuses.findByUserIdAndCourseKeyOrderByNamespaceAscNameAsc(userId, courseKey);
    }

    private static Exam examOf(CreditRequirementStatus status) {
        return new Exam(status.userId(), status.courseKey(), status.name());
    }

    /** Statuses of some learners on some exam requirements, changed in memory; {@link #store} before the flush. */
    public final class Batch {

        private final Map<String, CoursePolicy> policies;
        private final KeyedRows<Exam, CreditRequirementStatus> rows;

        private Batch(Map<String, CoursePolicy> policies, KeyedRows<Exam, CreditRequirementStatus> rows) {
            this.policies = policies;
            this.rows = rows;
        }

        /** Sets the learner's status on the exam requirement; courses that offer no credit have no requirements. */
        public void setExamStatus(Exam exam, CreditStatus status) {
            if (!policies.get(exam.courseKey()).creditCourse()) {
                return;
            }
            rows.findOrCreate(exam,
                    () -> new CreditRequirementStatus(exam.userId(), exam.courseKey(), EXAM, exam.usageKey()),
                    removed -> { }).set(status, Instant.now());
        }

        public void removeExamStatus(Exam exam) {
            rows.remove(exam);
        }

        /** Hands the statuses created and removed to JPA; they are written, with the changed ones, at the flush. */
        public void store() {
            rows.store(statuses);
        }
    }
}
