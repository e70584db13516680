-- The votes of an action that several approvers decide (task parameter approval = all or quorum:N): one row per
-- approver and action, which the unique key holds to, so that nobody is counted twice, whichever node took the vote.
-- answer is the vote as JSON (an option's text, or any value when the action has no options).
CREATE TABLE action_vote (
    id          uuid          PRIMARY KEY,
    action_id   uuid          NOT NULL REFERENCES action_request (id),
    voter       varchar(320)  NOT NULL,
    answer      jsonb,
    channel     varchar(32),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT uq_action_vote_voter UNIQUE (action_id, voter)
);
