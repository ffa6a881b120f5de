package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.eventbus.ArrayParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes applied catalog events in three statements however many there are: the courses seen for the first time,
 * each run as its newest event describes it, and a history row for every event.
 */
@Component
class CatalogWriter {

    private static final String CREATE_COURSES = """
            INSERT INTO course (key, title, created_at)
            SELECT key, title, ?::timestamptz FROM unnest(?::text[], ?::text[]) AS c (key, title)
            ON CONFLICT (key) DO NOTHING
            """;

    private static final String UPSERT_RUNS = """
            INSERT INTO course_run (created_at, key, course, title, start_at, end_at, enrollment_start,
                                    enrollment_end, pacing_type, hidden, invitation_only, modified)
            SELECT ?::timestamptz, r.*
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],
                          ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[], ?::boolean[], ?::boolean[],
                          ?::text[]::timestamptz[]) AS r
            ON CONFLICT (key) DO UPDATE SET
                title = EXCLUDED.title, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
                enrollment_start = EXCLUDED.enrollment_start, enrollment_end = EXCLUDED.enrollment_end,
                pacing_type = EXCLUDED.pacing_type, hidden = EXCLUDED.hidden,
                invitation_only = EXCLUDED.invitation_only, modified = EXCLUDED.modified
            """;

    // WITH ORDINALITY ... ORDER BY: history ids follow the order the events were applied in
    private static final String RECORD_HISTORY = """
            INSERT INTO course_run_history (event_id, key, course, title, start_at, end_at, enrollment_start,
                                            enrollment_end, pacing_type, hidden, invitation_only, modified)
            SELECT event_id, key, course, title, start_at, end_at, enrollment_start, enrollment_end, pacing_type,
                   hidden, invitation_only, modified
              FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[],
                          ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[],
                          ?::boolean[], ?::boolean[], ?::text[]::timestamptz[])
                   WITH ORDINALITY AS h (event_id, key, course, title, start_at, end_at, enrollment_start,
                                         enrollment_end, pacing_type, hidden, invitation_only, modified, n)
             ORDER BY n
            """;

    private final JdbcTemplate jdbc;

    CatalogWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the revisions newest-wins let through, in the order they were applied.
     *
     * @param now when a course or run seen for the first time is created
     */
    void apply(List<CourseRunRevision> revisions, Instant now) {
        if (revisions.isEmpty()) {
            return;
        }
        Map<String, CourseRunRevision> firstOfCourse = new LinkedHashMap<>();
        Map<String, CourseRunRevision> newestOfRun = new LinkedHashMap<>();
        for (CourseRunRevision revision : revisions) {
            firstOfCourse.putIfAbsent(revision.course(), revision);
            newestOfRun.put(revision.runKey(), revision);
        }
        // a new course takes the title of its first run, as course-discovery does
        jdbc.update(CREATE_COURSES, new ArrayParameters().instant(now)
                .texts(firstOfCourse.values(), CourseRunRevision::course)
                .texts(firstOfCourse.values(), CourseRunRevision::title));
        jdbc.update(UPSERT_RUNS, run(new ArrayParameters().instant(now), newestOfRun.values()));
        jdbc.update(RECORD_HISTORY, run(new ArrayParameters().uuids(revisions, CourseRunRevision::eventId),
                revisions));
    }

    /** The columns a run and its history row share, key to modified. */
    private static ArrayParameters run(ArrayParameters parameters, Collection<CourseRunRevision> revisions) {
        return parameters
                .texts(revisions, CourseRunRevision::runKey)
                .texts(revisions, CourseRunRevision::course)
                .texts(revisions, CourseRunRevision::title)
                .instants(revisions, CourseRunRevision::start)
                .instants(revisions, CourseRunRevision::end)
                .instants(revisions, CourseRunRevision::enrollmentStart)
                .instants(revisions, CourseRunRevision::enrollmentEnd)
                .texts(revisions, revision -> revision.pacingType().value())
                .booleans(revisions, CourseRunRevision::hidden)
                .booleans(revisions, CourseRunRevision::invitationOnly)
                .instants(revisions, CourseRunRevision::modified);
    }
}
