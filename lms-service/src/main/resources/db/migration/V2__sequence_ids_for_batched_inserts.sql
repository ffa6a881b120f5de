-- Exam events insert these rows a poll at a time. Hibernate must know a row's id before it can put its insert in a
-- JDBC batch: with an identity column it inserts each row on its own to learn it. Drawing ids from the sequence in
-- blocks of 50 (the entities' allocationSize) lets it batch them. The columns keep their nextval default.
ALTER SEQUENCE subsection_grade_id_seq INCREMENT BY 50;
ALTER SEQUENCE block_completion_id_seq INCREMENT BY 50;
ALTER SEQUENCE credit_requirement_status_id_seq INCREMENT BY 50;
