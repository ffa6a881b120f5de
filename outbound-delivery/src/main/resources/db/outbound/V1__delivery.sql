-- Outbound HTTP calls, in their own schema with their own Flyway history (as event_bus, ADR 3).

-- One call to make, written in the transaction of the change that causes it. The worker sends the oldest pending
-- call of each (destination, ordering_key) once it is due; the others of that key wait behind it.
CREATE TABLE delivery (
    id              BIGSERIAL PRIMARY KEY,
    delivery_id     UUID        NOT NULL UNIQUE,          -- sent as Idempotency-Key with every attempt
    purpose         TEXT        NOT NULL,                 -- the OutboundPurpose that signs it and hears its outcome
    reference       TEXT        NOT NULL,                 -- the purpose's own row: a subscription, a certificate, ...
    ordering_key    TEXT        NOT NULL,
    destination     TEXT        NOT NULL,                 -- scheme://host:port; circuit and concurrency are per destination
    method          TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    content_type    TEXT        NOT NULL,
    body            TEXT,
    status          TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    retry_from      TIMESTAMPTZ NOT NULL DEFAULT now(),   -- start of the current retry window (reset by a redelivery)
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),   -- also the lease of a call in flight
    completed_at    TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    response_body   TEXT                                  -- the final answer's body (an excerpt)
);

CREATE INDEX delivery_queue ON delivery (destination, ordering_key, id) WHERE status = 'pending';
CREATE INDEX delivery_of_reference ON delivery (purpose, reference, id);
CREATE INDEX delivery_failed ON delivery (id) WHERE status = 'failed';

-- Every attempt: when, how long, what came back.
CREATE TABLE delivery_attempt (
    delivery        BIGINT      NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt         INT         NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    latency_ms      INT         NOT NULL,
    http_status     INT,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
    error           TEXT,
    response_excerpt TEXT,
    PRIMARY KEY (delivery, attempt)
);
