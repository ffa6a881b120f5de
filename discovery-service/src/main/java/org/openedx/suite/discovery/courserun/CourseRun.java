package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A course run as the last catalog event applied to it described it; {@link CatalogWriter} keeps it. */
@Entity
@Immutable
@Table(name = "course_run")
class CourseRun {

    @Id
    @Column(name = "key")
    private String runKey;
    private String course;
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
    private Instant createdAt;

    protected CourseRun() {
    }

    String runKey() {
        return runKey;
    }

    String course() {
        return course;
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
}
