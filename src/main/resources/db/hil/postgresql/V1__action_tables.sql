-- The three tables of the HIL schema document, plus what the product needs to run them:
-- the engine link (process_instance_id, execution_id), the deadline (expires_at) and a version for optimistic locking.
CREATE TABLE action_request (
    id                  uuid         PRIMARY KEY,
    flow_id             varchar(255) NOT NULL,
    session_id          varchar(255) NOT NULL,
    node_id             varchar(255) NOT NULL,
    status              varchar(16)  NOT NULL DEFAULT 'pending',
    output_types        text[]       NOT NULL,
    context             jsonb        NOT NULL,
    args                jsonb,
    response            jsonb,
    process_instance_id varchar(64),
    execution_id        varchar(64),
    expires_at          timestamptz,
    version             bigint       NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    deleted_at          timestamptz,
    CONSTRAINT ck_action_request_status CHECK (status IN ('pending', 'completed', 'expired', 'cancelled'))
);

-- The document's indices; created_at rides along so "newest first" reads the index in order.
CREATE INDEX "IDX_ACTION_FLOW_STATUS" ON action_request (flow_id, status, created_at);
CREATE INDEX "IDX_ACTION_SESSION_STATUS" ON action_request (session_id, status, created_at);
CREATE INDEX "IDX_ACTION_NODE_STATUS" ON action_request (node_id, status, created_at);
-- Serves "output_types @> ARRAY[:type]", the indexable spelling of ":type = ANY(output_types)", over the
-- pending rows the document's "by type" query asks for; a type shared by most rows still finds few of those.
CREATE INDEX "IDX_ACTION_OUTPUT_TYPES" ON action_request USING gin (output_types)
    WHERE status = 'pending' AND deleted_at IS NULL;
-- Serves the expiry sweep: only pending rows with a deadline are in it, ordered by deadline.
CREATE INDEX "IDX_ACTION_PENDING_EXPIRY" ON action_request (expires_at)
    WHERE status = 'pending' AND deleted_at IS NULL AND expires_at IS NOT NULL;
-- Finds the action waiting in an execution when the engine leaves the task without a response.
CREATE INDEX "IDX_ACTION_EXECUTION" ON action_request (execution_id);

CREATE TABLE action_webhook (
    id         uuid          PRIMARY KEY,
    url        varchar(2048) NOT NULL,
    events     text[]        NOT NULL,
    secret     varchar(1024),
    active     boolean       NOT NULL DEFAULT true,
    created_at timestamptz   NOT NULL DEFAULT now(),
    updated_at timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE action_audit (
    id        uuid         PRIMARY KEY,
    action_id uuid         NOT NULL REFERENCES action_request (id),
    event     varchar(64)  NOT NULL,
    data      jsonb        NOT NULL,
    user_id   varchar(255),
    timestamp timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX "IDX_ACTION_AUDIT_ACTION" ON action_audit (action_id, timestamp);
