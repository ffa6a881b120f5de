-- Learners' program certificates, as credentials announces them on learning-program-certificate-lifecycle (issue 14).
CREATE TABLE program_certificate (
    program_uuid     UUID        NOT NULL,
    user_id          BIGINT      NOT NULL,
    username         TEXT        NOT NULL,
    certificate_uuid UUID        NOT NULL,
    program_title    TEXT        NOT NULL,
    program_type     TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    url              TEXT        NOT NULL,
    modified         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (program_uuid, user_id)
);
CREATE INDEX program_certificate_by_username ON program_certificate (username);
