package org.openedx.suite.cms.course;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseScheduleData;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "course")
class Course implements Persistable<String> {

    @Id
    private String courseKey;
    private String name;
    @Column(name = "start_at")
    private Instant start;
    @Column(name = "end_at")
    private @Nullable Instant end;
    private @Nullable Instant enrollmentStart;
    private @Nullable Instant enrollmentEnd;
    @Convert(converter = Pacing.Column.class)
    private Pacing pacing;
    @Convert(converter = CatalogVisibility.Column.class)
    private CatalogVisibility catalogVisibility;
    private boolean invitationOnly;
    private String language;
    private Instant createdAt;
    private Instant editedAt;
    private @Nullable Instant publishedAt;
    private int publishCount;

    // the key is assigned, not generated: without this, saving a new course would first look for it (merge)
    @Transient
    private boolean isNew;

    protected Course() {
    }

    static Course create(String courseKey, CourseDetails details, Instant now) {
        Course course = new Course();
        course.courseKey = courseKey;
        course.createdAt = Times.stored(now);
        course.isNew = true;
        course.apply(details, course.createdAt);
        return course;
    }

    /**
     * Replaces what the author set. The edit time never goes backwards, even if the clock does: it is the event time
     * consumers use to let the newest state win, and edits of one course are serialized by its row lock.
     */
    void edit(CourseDetails details, Instant now) {
        Instant at = Times.stored(now);
        apply(details, at.isAfter(editedAt) ? at : editedAt.plus(1, ChronoUnit.MICROS));
    }

    void markPublished(Instant now) {
        publishedAt = Times.stored(now);
        publishCount++;
    }

    /** The catalog event announcing the course as it is now. */
    CatalogInfoChangedEvent catalogInfo() {
        return new CatalogInfoChangedEvent(new CourseCatalogData(courseKey, name,
                new CourseScheduleData(start, pacing.value(), end, enrollmentStart, enrollmentEnd),
                catalogVisibility.hidden(), invitationOnly));
    }

    private void apply(CourseDetails details, Instant editedAt) {
        this.name = details.name();
        this.start = details.start();
        this.end = details.end();
        this.enrollmentStart = details.enrollmentStart();
        this.enrollmentEnd = details.enrollmentEnd();
        this.pacing = details.pacing();
        this.catalogVisibility = details.catalogVisibility();
        this.invitationOnly = details.invitationOnly();
        this.language = details.language();
        this.editedAt = editedAt;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    @Override
    public String getId() {
        return courseKey;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String courseKey() {
        return courseKey;
    }

    String name() {
        return name;
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

    Pacing pacing() {
        return pacing;
    }

    CatalogVisibility catalogVisibility() {
        return catalogVisibility;
    }

    boolean invitationOnly() {
        return invitationOnly;
    }

    String language() {
        return language;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant editedAt() {
        return editedAt;
    }

    @Nullable Instant publishedAt() {
        return publishedAt;
    }

    int publishCount() {
        return publishCount;
    }
}
