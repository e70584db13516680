-- H2 twin of the PostgreSQL migration.
CREATE TABLE action_webhook_delivery (
    id               varchar(64)   PRIMARY KEY,
    webhook_id       uuid          NOT NULL,
    action_id        uuid          NOT NULL,
    event_type       varchar(64)   NOT NULL,
    payload          clob          NOT NULL,
    status           varchar(16)   DEFAULT 'pending' NOT NULL,
    attempts         integer       DEFAULT 0 NOT NULL,
    next_attempt_at  timestamp with time zone,
    claim_token      uuid,
    last_status_code integer,
    last_error       varchar(1000),
    created_at       timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at       timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    delivered_at     timestamp with time zone,
    CONSTRAINT ck_action_webhook_delivery_status CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled'))
);

CREATE INDEX IDX_WEBHOOK_DELIVERY_DUE ON action_webhook_delivery (status, next_attempt_at);
CREATE INDEX IDX_WEBHOOK_DELIVERY_WEBHOOK ON action_webhook_delivery (webhook_id, created_at);
