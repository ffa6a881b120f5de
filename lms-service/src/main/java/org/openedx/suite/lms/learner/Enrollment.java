package org.openedx.suite.lms.learner;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;
    private String courseKey;
    private String mode;
    // false once the learner unenrolled; the row stays, as Open edX keeps it, and enrolling again re-activates it
    private boolean isActive;
    private Instant createdAt;
    private Instant modified;

    protected Enrollment() {
    }

    Enrollment(long userId, String courseKey, CourseMode mode, Instant at) {
        this.userId = userId;
        this.courseKey = courseKey;
        this.mode = mode.wireName();
        this.isActive = true;
        this.createdAt = at;
        this.modified = at;
    }

    long userId() {
        return userId;
    }

    String courseKey() {
        return courseKey;
    }

    CourseMode mode() {
        return CourseMode.fromWire(mode);
    }

    void changeMode(CourseMode mode, Instant at) {
        this.mode = mode.wireName();
        this.modified = at;
    }

    boolean isActive() {
        return isActive;
    }

    void activate(Instant at) {
        this.isActive = true;
        this.modified = at;
    }

    void deactivate(Instant at) {
        this.isActive = false;
        this.modified = at;
    }

    Instant createdAt() {
        return createdAt;
    }
}
