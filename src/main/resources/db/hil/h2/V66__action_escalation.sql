-- H2 twin of the PostgreSQL migration.
CREATE TABLE action_escalation (
    id          uuid         PRIMARY KEY,
    action_id   uuid         NOT NULL REFERENCES action_request (id),
    level       integer      NOT NULL,
    due_at      timestamp with time zone NOT NULL,
    done_at     timestamp with time zone,
    CONSTRAINT uq_action_escalation_level UNIQUE (action_id, level)
);
CREATE INDEX IDX_ESCALATION_DUE ON action_escalation (done_at, due_at);
