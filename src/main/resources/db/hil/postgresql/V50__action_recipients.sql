-- The people an action is addressed to, one row each: their links name the row, so that an answer through them is
-- known to be theirs. A reassignment marks the rows it removes (removed_at, passed_to) and adds rows for the new
-- people (added_by and reason say who passed it to them and why); a removed row's links answer no more.
CREATE TABLE action_recipient (
    id          uuid          PRIMARY KEY,
    action_id   uuid          NOT NULL REFERENCES action_request (id),
    address     varchar(320)  NOT NULL,
    added_by    varchar(320),
    reason      varchar(1000),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    removed_at  timestamptz,
    passed_to   varchar(4000)
);
CREATE INDEX "IDX_RECIPIENT_ACTION" ON action_recipient (action_id);
