-- H2 twin of the PostgreSQL migration.
CREATE TABLE action_vote (
    id          uuid          PRIMARY KEY,
    action_id   uuid          NOT NULL REFERENCES action_request (id),
    voter       varchar(320)  NOT NULL,
    answer      json,
    channel     varchar(32),
    created_at  timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT uq_action_vote_voter UNIQUE (action_id, voter)
);
