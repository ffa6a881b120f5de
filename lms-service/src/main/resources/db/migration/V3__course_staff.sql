-- Course staff: who may grade, invalidate, review and reset in a course run (ADR 7). The LMS puts a user's course
-- keys in their tokens; the other services read them there. A run may get staff before its catalog event arrives
-- (its authors prepare it in the CMS first), so the key does not hang off course_overview.
CREATE TABLE course_staff (
    course_key TEXT        NOT NULL,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_key, user_id)
);

CREATE INDEX course_staff_by_user ON course_staff (user_id);
