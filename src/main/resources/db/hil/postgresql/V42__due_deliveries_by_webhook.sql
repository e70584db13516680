-- The sweep's claim looks up due deliveries webhook by webhook, so that it never reads the rows of a webhook whose
-- endpoint the node backs off from: thousands may be due, older than any other. This index replaces the one over
-- the due rows of all webhooks, which every claim had to read past them. A row whose webhook is gone is not
-- claimed; deleting a webhook deletes its deliveries.
CREATE INDEX "IDX_WEBHOOK_DELIVERY_DUE_BY_WEBHOOK" ON action_webhook_delivery (webhook_id, next_attempt_at)
    WHERE status = 'pending';
DROP INDEX IF EXISTS "IDX_WEBHOOK_DELIVERY_DUE";
