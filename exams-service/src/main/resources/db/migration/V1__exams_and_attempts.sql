-- Exams are subsections (usage keys) of a course run; at most one exam per subsection.
CREATE TABLE exam (
    id              BIGSERIAL   PRIMARY KEY,
    course_key      TEXT        NOT NULL,
    usage_key       TEXT        NOT NULL,
    exam_type       TEXT        NOT NULL CHECK (exam_type IN ('proctored', 'timed', 'practice', 'onboarding')),
    name            TEXT        NOT NULL,
    time_limit_mins INT         NOT NULL CHECK (time_limit_mins BETWEEN 1 AND 1440),
    created         TIMESTAMPTZ NOT NULL,
    CONSTRAINT exam_usage_key_unique UNIQUE (usage_key)
);
CREATE INDEX exam_course_key ON exam (course_key);

-- A learner's attempt at an exam, with the learner as the LMS knows them (the events carry it).
-- One attempt per learner and exam: a retake starts after an instructor resets (deletes) the attempt.
CREATE TABLE exam_attempt (
    id       BIGSERIAL   PRIMARY KEY,
    exam_id  BIGINT      NOT NULL REFERENCES exam (id),
    user_id  BIGINT      NOT NULL CHECK (user_id > 0),
    username TEXT        NOT NULL,
    email    TEXT        NOT NULL,
    name     TEXT        NOT NULL,
    status   TEXT        NOT NULL CHECK (status IN ('started', 'submitted', 'verified', 'rejected', 'error')),
    created  TIMESTAMPTZ NOT NULL,
    modified TIMESTAMPTZ NOT NULL,
    CONSTRAINT exam_attempt_one_per_learner UNIQUE (exam_id, user_id)
);
CREATE INDEX exam_attempt_username ON exam_attempt (username);
