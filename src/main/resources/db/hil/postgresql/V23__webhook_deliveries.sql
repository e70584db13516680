-- The webhook outbox: one row per event and subscribed webhook, written in the transaction of the event.
-- id is the webhook-id header (msg_...), the same on every attempt. payload is text, not jsonb, because the
-- signature covers the exact bytes sent. A claimed row has its next_attempt_at pushed past the send timeout and
-- a claim_token, so a node that dies mid-send leaves the row due again and a stale sender cannot record over it.
-- webhook_id has no foreign key on purpose: deleting a webhook must never make an action's transaction fail while
-- it writes its outbox rows; deleting a webhook deletes its deliveries, and a row whose webhook is gone is cancelled.
CREATE TABLE action_webhook_delivery (
    id               varchar(64)   PRIMARY KEY,
    webhook_id       uuid          NOT NULL,
    action_id        uuid          NOT NULL,
    event_type       varchar(64)   NOT NULL,
    payload          text          NOT NULL,
    status           varchar(16)   NOT NULL DEFAULT 'pending',
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    claim_token      uuid,
    last_status_code integer,
    last_error       varchar(1000),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    CONSTRAINT ck_action_webhook_delivery_status CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled'))
);

-- The sweep's claim: only pending rows, by due time.
CREATE INDEX "IDX_WEBHOOK_DELIVERY_DUE" ON action_webhook_delivery (next_attempt_at) WHERE status = 'pending';
-- A webhook's deliveries, newest first.
CREATE INDEX "IDX_WEBHOOK_DELIVERY_WEBHOOK" ON action_webhook_delivery (webhook_id, created_at);
