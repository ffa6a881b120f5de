package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class CourseGrade {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;
    private String courseKey;
    private BigDecimal percent;
    private boolean passed;
    // whether the learner ever passed in the course: the first crossing to passing is tracked as its first time
    private boolean everPassed;
    private Instant modified;

    protected CourseGrade() {
    }

    long userId() {
        return userId;
    }

    String courseKey() {
        return courseKey;
    }

    Standing standing() {
        return new Standing(percent, passed);
    }

    boolean everPassed() {
        return everPassed;
    }

    void update(Standing standing, Instant at) {
        this.percent = standing.percent();
        this.passed = standing.passed();
        this.everPassed |= standing.passed();
        this.modified = at;
    }
}
