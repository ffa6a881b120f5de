-- Ids come from sequences the service draws from a hundred at a time (allocationSize in the entities, which must equal
-- INCREMENT BY), so that Hibernate can insert a poll's new rows in JDBC batches; with identity columns it has to
-- insert them one at a time to learn each id. Rows that exist keep their ids; the sequences continue after them.
ALTER TABLE learner ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE learner_id_seq INCREMENT BY 100 OWNED BY learner.id;
SELECT setval('learner_id_seq', max(id)) FROM learner HAVING max(id) IS NOT NULL;

ALTER TABLE course_run_credential ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE course_run_credential_id_seq INCREMENT BY 100 OWNED BY course_run_credential.id;
SELECT setval('course_run_credential_id_seq', max(id)) FROM course_run_credential HAVING max(id) IS NOT NULL;
