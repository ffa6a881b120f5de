-- The catalog as the CMS announces it (catalog_info.changed). Keys sort in byte order on any server locale.

-- A course, ORG+NUMBER; created with its first run.
CREATE TABLE course (
    key        TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- A course run, course-v1:ORG+NUMBER+RUN, as the last applied event described it.
CREATE TABLE course_run (
    key              TEXT COLLATE "C" PRIMARY KEY,
    course           TEXT COLLATE "C" NOT NULL REFERENCES course (key),
    title            TEXT        NOT NULL,
    start_at         TIMESTAMPTZ NOT NULL,
    end_at           TIMESTAMPTZ,
    enrollment_start TIMESTAMPTZ,
    enrollment_end   TIMESTAMPTZ,
    pacing_type      TEXT        NOT NULL CHECK (pacing_type IN ('instructor_paced', 'self_paced')),
    hidden           BOOLEAN     NOT NULL,
    invitation_only  BOOLEAN     NOT NULL,
    -- the event time of the event last applied
    modified         TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX course_run_course ON course_run (course);
