-- Reverses V3.
DROP TABLE IF EXISTS action_idempotency_key;
