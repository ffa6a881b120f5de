-- A course's language: its content is tagged with it (the Language taxonomy) unless a block says otherwise.
ALTER TABLE course ADD COLUMN language VARCHAR(16) NOT NULL DEFAULT 'en';

-- A course's outline: chapter > sequential > vertical > problem | html | video, each under its parent in order.
CREATE TABLE block (
    usage_key        VARCHAR(255) COLLATE "C" PRIMARY KEY,
    course_key       VARCHAR(255) COLLATE "C" NOT NULL REFERENCES course (course_key),
    -- none: a chapter, directly under the course
    parent_usage_key VARCHAR(255) COLLATE "C" REFERENCES block (usage_key),
    block_type       VARCHAR(16)  NOT NULL
        CHECK (block_type IN ('chapter', 'sequential', 'vertical', 'problem', 'html', 'video')),
    display_name     VARCHAR(255) NOT NULL,
    -- what a search reads: an html block's text, a problem's text, a video's transcript, as plain text
    text             TEXT,
    position         INT          NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    edited_at        TIMESTAMPTZ  NOT NULL,
    published_at     TIMESTAMPTZ,
    CHECK ((block_type = 'chapter') = (parent_usage_key IS NULL))
);
CREATE INDEX block_by_parent ON block (parent_usage_key, position);
CREATE INDEX block_by_course ON block (course_key);

-- Taxonomies authors tag content with; Language is the system's own (its values are ISO 639-1 codes).
CREATE TABLE taxonomy (
    name         VARCHAR(64) PRIMARY KEY,
    system       BOOLEAN     NOT NULL,
    -- one tag of the taxonomy per object (Language) or several
    single_value BOOLEAN     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE TABLE taxonomy_value (
    taxonomy VARCHAR(64)  NOT NULL REFERENCES taxonomy (name) ON DELETE CASCADE,
    value    VARCHAR(255) NOT NULL,
    PRIMARY KEY (taxonomy, value)
);
INSERT INTO taxonomy (name, system, single_value, created_at) VALUES ('Language', TRUE, TRUE, now());

-- Tags of content objects (a block's usage key or a course key), as Open edX's object tags.
CREATE TABLE object_tag (
    object_id VARCHAR(255) COLLATE "C" NOT NULL,
    taxonomy  VARCHAR(64)  NOT NULL REFERENCES taxonomy (name),
    value     VARCHAR(255) NOT NULL,
    PRIMARY KEY (object_id, taxonomy, value)
);

-- Spring Modulith's event publication registry (its schema v2 for PostgreSQL): the CMS's in-process reactions to
-- its own events (tagging, search indexing), recorded in the transaction of the change that raised them (ADR 10).
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
