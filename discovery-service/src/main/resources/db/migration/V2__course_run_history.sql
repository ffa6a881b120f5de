-- Every catalog event applied to a run, in the order it was applied: what the run looked like after each publish.
-- Open edX keeps the same (django-simple-history on CourseRun). It also makes "each event applied once, in order"
-- something one can count: an event applied twice would leave two rows with its event_id.
CREATE TABLE course_run_history (
    id               BIGSERIAL PRIMARY KEY,
    course_run       TEXT COLLATE "C" NOT NULL REFERENCES course_run (key),
    event_id         UUID        NOT NULL,
    title            TEXT        NOT NULL,
    start_at         TIMESTAMPTZ NOT NULL,
    end_at           TIMESTAMPTZ,
    enrollment_start TIMESTAMPTZ,
    enrollment_end   TIMESTAMPTZ,
    pacing_type      TEXT        NOT NULL CHECK (pacing_type IN ('instructor_paced', 'self_paced')),
    hidden           BOOLEAN     NOT NULL,
    invitation_only  BOOLEAN     NOT NULL,
    -- the time of the event, which became the run's modified
    modified         TIMESTAMPTZ NOT NULL,
    applied_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX course_run_history_run ON course_run_history (course_run, id);
