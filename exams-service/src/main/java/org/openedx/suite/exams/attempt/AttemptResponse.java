package org.openedx.suite.exams.attempt;

import java.time.Instant;

import org.openedx.suite.exams.exam.Exam;
import org.openedx.suite.exams.exam.ExamType;

/**
 * An attempt with what the LMS needs to know about its exam.
 *
 * @param modified when the status last changed: the event time of the event that announced it
 */
record AttemptResponse(long id, long examId, AttemptStatus status, Learner user, String courseKey, String usageKey,
                       ExamType examType, Instant created, Instant modified) {

    static AttemptResponse of(Attempt attempt) {
        Exam exam = attempt.exam();
        return new AttemptResponse(attempt.id(), exam.id(), attempt.status(), attempt.learner(), exam.courseKey(),
                exam.usageKey(), exam.examType(), attempt.created(), attempt.modified());
    }
}
