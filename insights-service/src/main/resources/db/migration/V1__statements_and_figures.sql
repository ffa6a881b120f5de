-- xAPI statements made from tracking logs, one row per statement id (a duplicated tracking log makes the same id)
CREATE SEQUENCE statement_seq;
CREATE TABLE statement (
    id            uuid PRIMARY KEY,
    seq           bigint      NOT NULL DEFAULT nextval('statement_seq') UNIQUE,
    -- the writing transaction: the live feed reads the rows of transactions that have all finished
    tx            xid8        NOT NULL DEFAULT pg_current_xact_id(),
    course_key    text        NOT NULL,
    actor         text        NOT NULL,     -- the actor's account name (the learner's anonymous id)
    verb          text        NOT NULL,
    object_id     text        NOT NULL,
    registration  uuid,
    tracking_name text        NOT NULL,
    event_time    timestamptz NOT NULL,
    stored        timestamptz NOT NULL,
    body          json        NOT NULL      -- the statement as served, its text kept as written
);
CREATE INDEX statement_stored ON statement (stored, seq);
CREATE INDEX statement_tx ON statement (tx);
CREATE INDEX statement_course ON statement (course_key, seq);
CREATE INDEX statement_verb ON statement (verb, stored);
CREATE INDEX statement_object ON statement (object_id, stored);
CREATE INDEX statement_actor ON statement (actor, stored);
CREATE INDEX statement_registration ON statement (registration);

-- the figures, kept up to date by the consumer: reading them never scans the statements

-- per course: how many statements insights holds
CREATE TABLE course_insight (
    course_key text PRIMARY KEY,
    statements bigint      NOT NULL,
    last_event timestamptz NOT NULL
);

-- enrollments activated and deactivated per day (of the event, UTC) and mode
CREATE TABLE enrollment_day (
    course_key  text NOT NULL,
    day         date NOT NULL,
    mode        text NOT NULL,
    activated   int  NOT NULL,
    deactivated int  NOT NULL,
    PRIMARY KEY (course_key, day, mode)
);

-- the learners with a statement on a day
CREATE TABLE active_learner_day (
    course_key text NOT NULL,
    day        date NOT NULL,
    actor      text NOT NULL,
    PRIMARY KEY (course_key, day, actor)
);

-- each learner's state in a course as the newest event of each facet says it: enrollment (mode, active), passing,
-- certificate, and per subsection, exam or block its grade, attempt status or completion
CREATE TABLE learner_state (
    course_key text        NOT NULL,
    facet      text        NOT NULL,
    actor      text        NOT NULL,
    object_key text        NOT NULL,     -- a usage key, or '' for the course itself
    status     text        NOT NULL,
    detail     text,
    earned     numeric,
    possible   numeric,
    event_time timestamptz NOT NULL,
    PRIMARY KEY (course_key, facet, actor, object_key)
);

-- the forwarding of each statement to the external LRS, as its last answer left it
CREATE TABLE lrs_forwarding (
    statement_id uuid PRIMARY KEY,
    status       text        NOT NULL,   -- pending, delivered, failed
    http_status  int,
    reason       text,
    updated_at   timestamptz NOT NULL
);
