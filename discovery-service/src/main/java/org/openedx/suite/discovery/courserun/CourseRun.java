package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CourseCatalogData;
import org.springframework.data.domain.Persistable;

/** A course run as the last catalog event applied to it described it. */
@Entity
@Table(name = "course_run")
class CourseRun implements Persistable<String> {

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

    // the key is assigned, not generated: without this, saving a new run would first look for it (merge)
    @Transient
    private boolean isNew;

    protected CourseRun() {
    }

    static CourseRun create(String runKey, String course, Instant now) {
        CourseRun run = new CourseRun();
        run.runKey = runKey;
        run.course = course;
        run.createdAt = now;
        run.isNew = true;
        return run;
    }

    /** Takes what the event says about the run; {@code modified} becomes the event's time. */
    void apply(CourseCatalogData info, PacingType pacingType, Instant eventTime) {
        var schedule = info.scheduleData();
        this.title = info.name();
        this.start = schedule.start();
        this.end = schedule.end();
        this.enrollmentStart = schedule.enrollmentStart();
        this.enrollmentEnd = schedule.enrollmentEnd();
        this.pacingType = pacingType;
        this.hidden = info.hidden();
        this.invitationOnly = info.invitationOnly();
        this.modified = eventTime;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    @Override
    public String getId() {
        return runKey;
    }

    @Override
    public boolean isNew() {
        return isNew;
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
