package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A course run as one applied catalog event described it; {@link CatalogWriter} adds one per applied event. */
@Entity
@Immutable
@Table(name = "course_run_history")
class HistoricalCourseRun {

    @Id
    private long id;
    @Column(name = "course_run")
    private String runKey;
    private UUID eventId;
    private String title;
    @Column(name = "start_at")
    private Instant start;
    @Column(name = "end_at")
    private @Nullable Instant end;
    private @Nullable Instant enrollmentStart;
    private @Nullable Instant enrollmentEnd;
    @Convert(converter = PacingType.Column.class)
    private PacingType pacingType;
    private boolean hidden;
    private boolean invitationOnly;
    private Instant modified;
    private Instant appliedAt;

    protected HistoricalCourseRun() {
    }

    String runKey() {
        return runKey;
    }

    UUID eventId() {
        return eventId;
    }

    String title() {
        return title;
    }

    Instant start() {
        return start;
    }

    @Nullable Instant end() {
        return end;
    }

    @Nullable Instant enrollmentStart() {
        return enrollmentStart;
    }

    @Nullable Instant enrollmentEnd() {
        return enrollmentEnd;
    }

    PacingType pacingType() {
        return pacingType;
    }

    boolean hidden() {
        return hidden;
    }

    boolean invitationOnly() {
        return invitationOnly;
    }

    Instant modified() {
        return modified;
    }

    Instant appliedAt() {
        return appliedAt;
    }
}
