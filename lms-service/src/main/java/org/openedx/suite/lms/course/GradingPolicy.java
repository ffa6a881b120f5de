package org.openedx.suite.lms.course;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class GradingPolicy {

    static final BigDecimal DEFAULT_PASSING_GRADE = new BigDecimal("0.50");

    @Id
    private String courseKey;

    private BigDecimal passingGrade;
    private boolean creditCourse;
    private Instant modified;

    protected GradingPolicy() {
    }

    void change(BigDecimal passingGrade, boolean creditCourse, Instant at) {
        this.passingGrade = passingGrade;
        this.creditCourse = creditCourse;
        this.modified = at;
    }

    String courseKey() {
        return courseKey;
    }

    BigDecimal passingGrade() {
        return passingGrade;
    }

    boolean creditCourse() {
        return creditCourse;
    }

    CoursePolicy toCoursePolicy() {
        return new CoursePolicy(passingGrade, creditCourse);
    }
}
