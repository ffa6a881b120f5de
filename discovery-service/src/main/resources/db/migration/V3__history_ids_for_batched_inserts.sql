-- History rows are written by JPA in JDBC batches: their ids come from the sequence 50 at a time.
ALTER SEQUENCE course_run_history_id_seq INCREMENT BY 50;
