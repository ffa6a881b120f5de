-- The LMS's own state. Learners and course-run keys are the identities other services know it by:
-- events carry users.id as the LMS user id and course keys as they are.

CREATE TABLE users (
    id         BIGSERIAL PRIMARY KEY,
    username   TEXT        NOT NULL UNIQUE,
    email      TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    is_active  BOOLEAN     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- A course run as the catalog last announced it; created on the first catalog event for the run.
CREATE TABLE course_overview (
    course_key       TEXT PRIMARY KEY,
    display_name     TEXT        NOT NULL,
    start_at         TIMESTAMPTZ NOT NULL,
    end_at           TIMESTAMPTZ,
    enrollment_start TIMESTAMPTZ,
    enrollment_end   TIMESTAMPTZ,
    pacing           TEXT        NOT NULL,
    hidden           BOOLEAN     NOT NULL,
    invitation_only  BOOLEAN     NOT NULL,
    -- time of the catalog event last applied
    modified         TIMESTAMPTZ NOT NULL
);

-- The LMS's own setting for a course run; it may be set before the run's first catalog event arrives,
-- so it does not hang off course_overview.
CREATE TABLE grading_policy (
    course_key    TEXT PRIMARY KEY,
    passing_grade NUMERIC(3, 2) NOT NULL CHECK (passing_grade BETWEEN 0 AND 1),
    credit_course BOOLEAN       NOT NULL,
    modified      TIMESTAMPTZ   NOT NULL
);

CREATE TABLE enrollment (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    course_key TEXT        NOT NULL REFERENCES course_overview (course_key),
    mode       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    modified   TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, course_key)
);

-- One learner's score on one subsection, and the override that replaces the learner's earned score.
-- possible is 0 only for a row that a proctoring override created before the learner had a score.
CREATE TABLE subsection_grade (
    id               BIGSERIAL PRIMARY KEY,
    user_id          BIGINT         NOT NULL REFERENCES users (id),
    course_key       TEXT           NOT NULL,
    usage_key        TEXT           NOT NULL,
    earned           NUMERIC(12, 4) NOT NULL CHECK (earned >= 0),
    possible         NUMERIC(12, 4) NOT NULL CHECK (possible >= 0),
    override_earned  NUMERIC(12, 4) CHECK (override_earned >= 0),
    override_feature TEXT,
    modified         TIMESTAMPTZ    NOT NULL,
    UNIQUE (user_id, usage_key),
    CHECK ((override_earned IS NULL) = (override_feature IS NULL))
);
CREATE INDEX subsection_grade_learner_course ON subsection_grade (user_id, course_key);

-- The course grade last computed for a learner; its row is also the lock that serialises every change to the
-- learner's standing in the course, so that a crossing of the passing line is seen exactly once.
CREATE TABLE course_grade (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT        NOT NULL REFERENCES users (id),
    course_key TEXT          NOT NULL,
    percent    NUMERIC(3, 2) NOT NULL,
    passed     BOOLEAN       NOT NULL,
    modified   TIMESTAMPTZ   NOT NULL,
    UNIQUE (user_id, course_key)
);
CREATE INDEX course_grade_course ON course_grade (course_key);

CREATE TABLE certificate (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    course_key   TEXT        NOT NULL,
    mode         TEXT        NOT NULL,
    grade        TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    verify_uuid  UUID        NOT NULL UNIQUE,
    download_url TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    modified     TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, course_key)
);

CREATE TABLE credit_requirement_status (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    course_key TEXT        NOT NULL,
    namespace  TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    modified   TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, course_key, namespace, name)
);

CREATE TABLE block_completion (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT           NOT NULL REFERENCES users (id),
    course_key TEXT             NOT NULL,
    usage_key  TEXT             NOT NULL,
    completion DOUBLE PRECISION NOT NULL CHECK (completion BETWEEN 0 AND 1),
    modified   TIMESTAMPTZ      NOT NULL,
    UNIQUE (user_id, usage_key)
);
