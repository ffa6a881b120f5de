package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A course run as one applied catalog event described it: one per applied event, in the order they were applied. */
@Entity
@Table(name = "course_run_history")
class HistoricalCourseRun {

    // a sequence drawn 50 at a time (V3), so that a poll's history rows are inserted in JDBC batches, ids in order
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_run_history_id_seq")
    @SequenceGenerator(name = "course_run_history_id_seq", sequenceName = "course_run_history_id_seq",
            allocationSize = 50)
    private Long id;
    private UUID eventId;
    private Instant appliedAt;
    @Embedded
    private CourseRunDetails details;

    protected HistoricalCourseRun() {
    }

    HistoricalCourseRun(UUID eventId, CourseRunDetails details, Instant appliedAt) {
        this.eventId = eventId;
        this.details = details;
        this.appliedAt = appliedAt;
    }

    UUID eventId() {
        return eventId;
    }

    Instant appliedAt() {
        return appliedAt;
    }

    CourseRunDetails details() {
        return details;
    }
}
