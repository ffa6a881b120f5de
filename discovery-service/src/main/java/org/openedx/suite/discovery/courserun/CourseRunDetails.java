package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.OpenEdxKeys;

/** What a catalog event says about a run: the columns a run and each entry of its history share. Immutable. */
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

    /**
     * The run as a catalog event describes it. The payload keeps the contract's constraints (the event bus checked
     * them), so its course key and pacing are well formed.
     */
    static CourseRunDetails of(CourseCatalogData info, Instant eventTime) {
        CourseRunDetails details = new CourseRunDetails();
        var schedule = info.scheduleData();
        details.runKey = info.courseKey();
        details.course = OpenEdxKeys.courseOf(info.courseKey());
        details.title = info.name();
        details.start = schedule.start();
        details.end = schedule.end();
        details.enrollmentStart = schedule.enrollmentStart();
        details.enrollmentEnd = schedule.enrollmentEnd();
        details.pacingType = PacingType.ofPacing(schedule.pacing()).orElseThrow();
        details.hidden = info.hidden();
        details.invitationOnly = info.invitationOnly();
        details.modified = eventTime;
        return details;
    }

    String runKey() {
        return runKey;
    }

    String course() {
        return course;
    }

    /** The organization of the run, ORG of {@code ORG+NUMBER}. */
    String org() {
        return course.substring(0, course.indexOf('+'));
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
