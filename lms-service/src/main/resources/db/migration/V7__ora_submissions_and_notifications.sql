-- Issue 13: outbound integrations. The calls themselves live in schema outbound (outbound-delivery); these tables
-- hold what the LMS needs to make them and to show them.

-- Open response assessments: a learner's submission and the plagiarism service's verdict on it.
CREATE TABLE ora_submission (
    uuid              UUID        PRIMARY KEY,
    usage_key         TEXT        NOT NULL,
    course_key        TEXT        NOT NULL,
    user_id           BIGINT      NOT NULL REFERENCES users (id),
    attempt_number    INT         NOT NULL,
    answer            TEXT        NOT NULL,
    submitted_at      TIMESTAMPTZ NOT NULL,
    plagiarism_status TEXT        NOT NULL CHECK (plagiarism_status IN ('not_configured', 'pending', 'checked', 'failed')),
    similarity        NUMERIC(4, 3),
    report_url        TEXT,
    checked_at        TIMESTAMPTZ,
    UNIQUE (usage_key, user_id, attempt_number)
);
CREATE INDEX ora_submission_by_block ON ora_submission (usage_key, submitted_at);

-- What a user is told in the LMS (staff: a new submission to review).
CREATE TABLE notification (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    kind       TEXT        NOT NULL,
    course_key TEXT        NOT NULL,
    message    TEXT        NOT NULL,
    link       TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_by_user ON notification (user_id, id);
