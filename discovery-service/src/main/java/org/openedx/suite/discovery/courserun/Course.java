package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A course, {@code ORG+NUMBER}: created with its first run, whose title it takes, as course-discovery does. */
@Entity
@Table(name = "course")
class Course {

    @Id
    private String key;
    private String title;
    private Instant createdAt;

    protected Course() {
    }

    Course(String key, String title, Instant createdAt) {
        this.key = key;
        this.title = title;
        this.createdAt = createdAt;
    }

    String key() {
        return key;
    }
}
