-- How many times the consumer tried the record before it gave up: 1 for a message that cannot be read (never
-- retried), the configured attempts for one whose handler kept failing. Null for dead letters from before.
ALTER TABLE dead_letter ADD COLUMN attempts INT;
