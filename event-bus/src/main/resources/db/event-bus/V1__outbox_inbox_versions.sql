-- The event-bus tables every service gets, in their own schema with their own Flyway history
-- so that the services' migrations and these never collide.

-- Events written in the same transaction as the state change; the relay publishes them in id order and deletes them.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    event_type  TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    event_time  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every ce_id a consumer has applied, written in the transaction of the effect: a redelivery finds its row and stops.
CREATE TABLE consumed_event (
    event_id        UUID        PRIMARY KEY,
    event_type      TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    event_time      TIMESTAMPTZ NOT NULL,
    consumed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Newest wins: per entity (course run; learner and course; ...) the time of the last event applied to it.
CREATE TABLE entity_version (
    entity_type TEXT        NOT NULL,
    entity_key  TEXT        NOT NULL,
    event_time  TIMESTAMPTZ NOT NULL,
    event_id    UUID        NOT NULL,
    PRIMARY KEY (entity_type, entity_key)
);
