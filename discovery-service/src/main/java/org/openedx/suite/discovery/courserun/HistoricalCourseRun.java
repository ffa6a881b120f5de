package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A course run as one applied catalog event described it; {@link CatalogWriter} adds one per applied event. */
@Entity
@Immutable
@Table(name = "course_run_history")
class HistoricalCourseRun {

    @Id
    private long id;
    private UUID eventId;
    private Instant appliedAt;
    @Embedded
    private CourseRunDetails details;

    protected HistoricalCourseRun() {
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
