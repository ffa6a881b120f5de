-- Issue 13: outbound integrations. The calls themselves live in schema outbound (outbound-delivery); these tables
-- hold what the LMS needs to make them and to show them.

-- Webhooks: who wants which events, where, signed with which secret.
CREATE TABLE webhook_subscription (
    id              BIGSERIAL   PRIMARY KEY,
    url             TEXT        NOT NULL,
    secret          TEXT        NOT NULL,
    event_types     TEXT[]      NOT NULL,
    field_mapping   TEXT,                    -- JSON {field: dotted path}; null: the CloudEvent itself is the body
    active          BOOLEAN     NOT NULL DEFAULT true,
    disabled_reason TEXT,
    failing_since   TIMESTAMPTZ,             -- first failed attempt since the last delivered one
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_subscription_by_type ON webhook_subscription USING gin (event_types) WHERE active;

-- Which event each webhook call carries; one call per subscription and event.
CREATE TABLE webhook_delivery (
    delivery_id     UUID        PRIMARY KEY,
    subscription_id BIGINT      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    UNIQUE (subscription_id, event_id)
);

