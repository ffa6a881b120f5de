-- Badges (issue 14): templates with their requirements and penalties, each learner's progress towards them, and the
-- badges awarded, with their state at the provider (Credly, Accredible) that issues them.
CREATE TABLE badge_template (
    uuid                 UUID        PRIMARY KEY,
    name                 TEXT        NOT NULL,
    description          TEXT,
    organization         TEXT        NOT NULL,
    provider             TEXT        NOT NULL CHECK (provider IN ('credly', 'accredible', 'internal')),
    provider_template_id TEXT,
    requirements         TEXT        NOT NULL,   -- JSON, as BadgeRules reads it
    penalties            TEXT        NOT NULL,   -- JSON
    active               BOOLEAN     NOT NULL DEFAULT false,
    created              TIMESTAMPTZ NOT NULL
);

-- Which requirements a learner has fulfilled, and for count requirements the distinct values seen so far.
CREATE TABLE badge_progress (
    template_uuid UUID        NOT NULL REFERENCES badge_template (uuid),
    username      TEXT        NOT NULL,
    fulfilled     INT[]       NOT NULL,
    counted       TEXT        NOT NULL,      -- JSON {requirement index: [values]}
    modified      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (template_uuid, username)
);

CREATE TABLE badge (
    uuid              UUID        PRIMARY KEY,
    template_uuid     UUID        NOT NULL REFERENCES badge_template (uuid),
    username          TEXT        NOT NULL,   -- as the counted events name the learner
    status            TEXT        NOT NULL CHECK (status IN ('awarded', 'revoked')),
    provider_state    TEXT        NOT NULL CHECK (provider_state IN ('pending', 'accepted', 'error', 'revoked', 'none')),
    provider_badge_id TEXT,
    provider_error    TEXT,
    modified          TIMESTAMPTZ NOT NULL,
    UNIQUE (template_uuid, username)
);
CREATE INDEX badge_by_learner ON badge (username);
