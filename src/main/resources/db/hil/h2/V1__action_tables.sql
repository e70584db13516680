-- H2 twin of the PostgreSQL migration: arrays and JSON in H2's nearest types.
CREATE TABLE action_request (
    id                  uuid         PRIMARY KEY,
    flow_id             varchar(255) NOT NULL,
    session_id          varchar(255) NOT NULL,
    node_id             varchar(255) NOT NULL,
    status              varchar(16)  DEFAULT 'pending' NOT NULL,
    output_types        varchar(64) ARRAY NOT NULL,
    context             json         NOT NULL,
    args                json,
    response            json,
    process_instance_id varchar(64),
    execution_id        varchar(64),
    expires_at          timestamp with time zone,
    version             bigint       DEFAULT 0 NOT NULL,
    created_at          timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at          timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    deleted_at          timestamp with time zone,
    CONSTRAINT ck_action_request_status CHECK (status IN ('pending', 'completed', 'expired', 'cancelled'))
);

CREATE INDEX IDX_ACTION_FLOW_STATUS ON action_request (flow_id, status, created_at);
CREATE INDEX IDX_ACTION_SESSION_STATUS ON action_request (session_id, status, created_at);
CREATE INDEX IDX_ACTION_NODE_STATUS ON action_request (node_id, status, created_at);
CREATE INDEX IDX_ACTION_PENDING_EXPIRY ON action_request (status, expires_at);
CREATE INDEX IDX_ACTION_EXECUTION ON action_request (execution_id);

CREATE TABLE action_webhook (
    id         uuid          PRIMARY KEY,
    url        varchar(2048) NOT NULL,
    events     varchar(64) ARRAY NOT NULL,
    secret     varchar(1024),
    active     boolean       DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE action_audit (
    id        uuid         PRIMARY KEY,
    action_id uuid         NOT NULL REFERENCES action_request (id),
    event     varchar(64)  NOT NULL,
    data      json         NOT NULL,
    user_id   varchar(255),
    timestamp timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX IDX_ACTION_AUDIT_ACTION ON action_audit (action_id, timestamp);
