package org.openedx.suite.insights.course;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A course's figures, as the dashboard shows them. Each counts learners by the newest event of theirs that insights
 * applied; days are UTC days of the events.
 */
record CourseInsightsResponse(String courseKey, long statements, Instant lastEvent, Enrollments enrollments,
                              ActiveLearners activeLearners, Grades grades, Passing passing,
                              Certificates certificates, Exams exams, Completion completion) {

    /**
     * @param byMode   learners enrolled now, by mode
     * @param overTime activations and deactivations per day and mode
     */
    record Enrollments(Map<String, Long> byMode, long total, List<EnrollmentDay> overTime) {
    }

    record EnrollmentDay(LocalDate day, String mode, long activated, long deactivated) {
    }

    /** @param lastSevenDays distinct learners with a statement in the last seven days (today included) */
    record ActiveLearners(List<LearnersOnDay> byDay, long lastSevenDays) {
    }

    record LearnersOnDay(LocalDate day, long learners) {
    }

    /**
     * Learners by their share of the weighted points of the subsections graded so far (Σ earned / Σ possible over
     * their newest subsection grades), in ten buckets: 0-10%, ..., 90-100% (100% included in the last).
     */
    record Grades(List<String> labels, List<Long> learners, long graded) {
    }

    /** @param rate passed / (passed + failed); null while there is neither */
    record Passing(long passed, long failed, Double rate) {
    }

    record Certificates(long awarded, long revoked) {
    }

    /** Exam attempts by the newest status of each learner's attempt at each exam (deleted ones not counted). */
    record Exams(long submitted, long verified, long rejected, long error) {
    }

    /** @param blocksCompleted (learner, block) pairs at 100% */
    record Completion(long learners, long blocksCompleted) {
    }
}
