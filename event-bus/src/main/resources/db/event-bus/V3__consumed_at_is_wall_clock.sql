-- now() is the start of the consumer's transaction, which with batches can be well before the event was applied;
-- the wall clock at insert is what commit-to-effect latency needs.
ALTER TABLE consumed_event ALTER COLUMN consumed_at SET DEFAULT clock_timestamp();
