package org.openedx.suite.exams.exam;

import java.time.Instant;

record ExamResponse(long id, String courseKey, String usageKey, ExamType examType, String name, int timeLimitMins,
                    Instant created) {

    static ExamResponse of(Exam exam) {
        return new ExamResponse(exam.id(), exam.courseKey(), exam.usageKey(), exam.examType(), exam.name(),
                exam.timeLimitMins(), exam.created());
    }
}
