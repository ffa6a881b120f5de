-- What the consumer gave up on: the record as received and why, so an operator can list and replay it.
CREATE TABLE dead_letter (
    id              BIGSERIAL PRIMARY KEY,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    message_key     BYTEA,
    payload         BYTEA,
    headers         TEXT        NOT NULL,
    event_id        TEXT,
    event_type      TEXT,
    error           TEXT        NOT NULL,
    failed_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    replayed_at     TIMESTAMPTZ,
    UNIQUE (topic, kafka_partition, kafka_offset)
);
