-- Every catalog event applied to a run, in the order it was applied: what the run looked like after each publish.
-- Open edX keeps the same (django-simple-history on CourseRun). It also makes "each event applied once, in order"
-- something one can count: an event applied twice would leave two rows with its event_id.
CREATE TABLE course_run_history (
    id               BIGSERIAL PRIMARY KEY,
    event_id         UUID        NOT NULL,
    applied_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- the run as the event described it: the columns of course_run
    key              TEXT COLLATE "C" NOT NULL REFERENCES course_run (key),
    course           TEXT COLLATE "C" NOT NULL,
    title            TEXT        NOT NULL,
    start_at         TIMESTAMPTZ NOT NULL,
    end_at           TIMESTAMPTZ,
    enrollment_start TIMESTAMPTZ,
    enrollment_end   TIMESTAMPTZ,
    pacing_type      TEXT        NOT NULL,
    hidden           BOOLEAN     NOT NULL,
    invitation_only  BOOLEAN     NOT NULL,
    modified         TIMESTAMPTZ NOT NULL
);

CREATE INDEX course_run_history_run ON course_run_history (key, id);
