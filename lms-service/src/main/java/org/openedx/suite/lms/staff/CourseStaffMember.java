package org.openedx.suite.lms.staff;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user who is staff of a course run. */
@Entity
@Table(name = "course_staff")
class CourseStaffMember {

    @EmbeddedId
    private Id id;

    private Instant addedAt;

    protected CourseStaffMember() {
    }

    long userId() {
        return id.userId();
    }

    Instant addedAt() {
        return addedAt;
    }

    @Embeddable
    record Id(@Column(name = "course_key") String courseKey, @Column(name = "user_id") long userId)
            implements Serializable {
    }
}
