-- A course run as authors edit it; what was last published is announced to the catalog by catalog_info.changed.
CREATE TABLE course (
    course_key         VARCHAR(255) COLLATE "C" PRIMARY KEY, -- byte order: listings sort the same on any server locale
    name               VARCHAR(255) NOT NULL,
    start_at           TIMESTAMPTZ  NOT NULL,
    end_at             TIMESTAMPTZ,
    enrollment_start   TIMESTAMPTZ,
    enrollment_end     TIMESTAMPTZ,
    pacing             VARCHAR(16)  NOT NULL CHECK (pacing IN ('instructor', 'self')),
    catalog_visibility VARCHAR(16)  NOT NULL CHECK (catalog_visibility IN ('both', 'about', 'none')),
    invitation_only    BOOLEAN      NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    -- the event time of every catalog_info.changed announcing this state; strictly increasing per course
    edited_at          TIMESTAMPTZ  NOT NULL,
    published_at       TIMESTAMPTZ,
    publish_count      INT          NOT NULL DEFAULT 0,
    CHECK (end_at IS NULL OR end_at > start_at),
    CHECK (enrollment_start IS NULL OR enrollment_end IS NULL OR enrollment_end > enrollment_start)
);
