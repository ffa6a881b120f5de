package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A course, {@code ORG+NUMBER}, the parent of its runs. Created with its first run; never changed by later ones. */
@Entity
@Table(name = "course")
class Course {

    @Id
    private String key;
    private String title;
    private Instant createdAt;

    protected Course() {
    }

    String key() {
        return key;
    }

    String title() {
        return title;
    }

    Instant createdAt() {
        return createdAt;
    }
}
