-- H2 twin of the PostgreSQL migration.
CREATE TABLE action_recipient (
    id          uuid          PRIMARY KEY,
    action_id   uuid          NOT NULL REFERENCES action_request (id),
    address     varchar(320)  NOT NULL,
    added_by    varchar(320),
    reason      varchar(1000),
    created_at  timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    removed_at  timestamp with time zone,
    passed_to   varchar(4000)
);
CREATE INDEX IDX_RECIPIENT_ACTION ON action_recipient (action_id);
