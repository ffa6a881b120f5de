-- Learners as the LMS announces them in certificate events; the username is how every event names them.
CREATE TABLE learner (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username    TEXT        NOT NULL UNIQUE,
    user_id     BIGINT      NOT NULL,
    email       TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    modified    TIMESTAMPTZ NOT NULL
);

-- A learner's course-run credential: one per learner and course run, awarded or revoked as certificates come and go.
CREATE TABLE course_run_credential (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid             UUID        NOT NULL UNIQUE,
    username         TEXT        NOT NULL REFERENCES learner (username),
    course_key       TEXT        NOT NULL,
    certificate_type TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('awarded', 'revoked')),
    modified         TIMESTAMPTZ NOT NULL,
    UNIQUE (username, course_key)
);
