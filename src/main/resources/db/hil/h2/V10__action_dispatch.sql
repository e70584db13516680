-- H2 twin of the PostgreSQL migration (H2 has no partial indices).
CREATE TABLE action_dispatch (
    id              uuid          PRIMARY KEY,
    action_id       uuid          NOT NULL REFERENCES action_request (id),
    output_type     varchar(32)   NOT NULL,
    channel         varchar(255),
    purpose         varchar(16)   NOT NULL,
    reminder        varchar(64),
    status          varchar(16)   DEFAULT 'pending' NOT NULL,
    attempts        integer       DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    last_error      varchar(1000),
    message_id      varchar(998),
    created_at      timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    delivered_at    timestamp with time zone,
    CONSTRAINT ck_action_dispatch_status CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
    CONSTRAINT ck_action_dispatch_purpose CHECK (purpose IN ('request', 'reminder'))
);
CREATE INDEX IDX_DISPATCH_ACTION ON action_dispatch (action_id);
CREATE INDEX IDX_DISPATCH_MESSAGE_ID ON action_dispatch (message_id);
CREATE INDEX IDX_DISPATCH_DUE ON action_dispatch (status, purpose, next_attempt_at);
