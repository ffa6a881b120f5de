-- Issue 13: outbound integrations. The calls themselves live in schema outbound (outbound-delivery); these tables
-- hold what the LMS needs to make them and to show them.

-- External certificate generation: a run's provider, and what it made of each learner's certificate.
CREATE TABLE certificate_provider (
    course_key  TEXT        PRIMARY KEY,
    url         TEXT        NOT NULL,
    template_id TEXT        NOT NULL,
    modes       TEXT[]      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE external_certificate (
    course_key   TEXT        NOT NULL,
    username     TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('requested', 'generated', 'revoking', 'revoked', 'failed')),
    external_id  TEXT,
    external_url TEXT,
    detail       TEXT,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_key, username)
);

