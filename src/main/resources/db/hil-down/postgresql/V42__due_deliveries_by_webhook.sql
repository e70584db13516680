-- Reverses V42.
CREATE INDEX IF NOT EXISTS "IDX_WEBHOOK_DELIVERY_DUE" ON action_webhook_delivery (next_attempt_at)
    WHERE status = 'pending';
DROP INDEX IF EXISTS "IDX_WEBHOOK_DELIVERY_DUE_BY_WEBHOOK";
