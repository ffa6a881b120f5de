-- Programs and the program certificates learners earn by holding a credential for every course of one (issue 14).
CREATE TABLE program (
    uuid         UUID        PRIMARY KEY,
    title        TEXT        NOT NULL,
    organization TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    course_keys  TEXT[]      NOT NULL,
    created      TIMESTAMPTZ NOT NULL
);
CREATE INDEX program_by_course ON program USING gin (course_keys);

CREATE TABLE program_certificate (
    uuid         UUID        PRIMARY KEY,
    program_uuid UUID        NOT NULL REFERENCES program (uuid),
    username     TEXT        NOT NULL REFERENCES learner (username),
    status       TEXT        NOT NULL CHECK (status IN ('awarded', 'revoked')),
    modified     TIMESTAMPTZ NOT NULL,
    UNIQUE (program_uuid, username)
);
CREATE INDEX program_certificate_by_learner ON program_certificate (username);
