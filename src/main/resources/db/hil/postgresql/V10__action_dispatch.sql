-- The dispatch outbox: one row per output type of a new action (purpose 'request') and per reminder and output type
-- (purpose 'reminder'), written in the transaction that opens the action and delivered after it commits.
-- next_attempt_at is both the due time and the claim: a node delivering a row moves it forward by a lease first.
CREATE TABLE action_dispatch (
    id              uuid          PRIMARY KEY,
    action_id       uuid          NOT NULL REFERENCES action_request (id),
    output_type     varchar(32)   NOT NULL,
    channel         varchar(255),
    purpose         varchar(16)   NOT NULL,
    reminder        varchar(64),
    status          varchar(16)   NOT NULL DEFAULT 'pending',
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    last_error      varchar(1000),
    message_id      varchar(998),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    CONSTRAINT ck_action_dispatch_status CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
    CONSTRAINT ck_action_dispatch_purpose CHECK (purpose IN ('request', 'reminder'))
);
CREATE INDEX "IDX_DISPATCH_ACTION" ON action_dispatch (action_id);
-- Email replies are matched to their action by the Message-ID that was sent.
CREATE INDEX "IDX_DISPATCH_MESSAGE_ID" ON action_dispatch (message_id) WHERE message_id IS NOT NULL;
-- The sweeps read only due pending rows, per purpose, oldest first.
CREATE INDEX "IDX_DISPATCH_DUE" ON action_dispatch (purpose, next_attempt_at) WHERE status = 'pending';
