package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** What a catalog event says about a run: the columns a run and each entry of its history share. */
@Embeddable
class CourseRunDetails {

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

    protected CourseRunDetails() {
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
