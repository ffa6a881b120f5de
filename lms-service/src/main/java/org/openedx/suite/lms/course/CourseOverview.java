package org.openedx.suite.lms.course;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.contracts.CourseData;
import org.openedx.suite.contracts.CourseScheduleData;

/** A course run as the catalog last announced it: what learning events say about the course. */
@Entity
public class CourseOverview {

    @Id
    private String courseKey;

    private String displayName;

    @Column(name = "start_at")
    private Instant start;

    @Column(name = "end_at")
    private Instant end;

    private Instant enrollmentStart;
    private Instant enrollmentEnd;
    private String pacing;
    private boolean hidden;
    private boolean invitationOnly;
    private Instant modified;

    protected CourseOverview() {
    }

    CourseOverview(String courseKey) {
        this.courseKey = courseKey;
    }

    void apply(CourseCatalogData catalog, Instant eventTime) {
        CourseScheduleData schedule = catalog.scheduleData();
        displayName = catalog.name();
        start = schedule.start();
        end = schedule.end();
        enrollmentStart = schedule.enrollmentStart();
        enrollmentEnd = schedule.enrollmentEnd();
        pacing = schedule.pacing();
        hidden = catalog.hidden();
        invitationOnly = catalog.invitationOnly();
        modified = eventTime;
    }

    public String courseKey() {
        return courseKey;
    }

    public String displayName() {
        return displayName;
    }

    /** The course as learning events (certificates, passing status) carry it. */
    public CourseData toCourseData() {
        return new CourseData(courseKey, displayName, start, end);
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    Instant enrollmentStart() {
        return enrollmentStart;
    }

    Instant enrollmentEnd() {
        return enrollmentEnd;
    }

    String pacing() {
        return pacing;
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
