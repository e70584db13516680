-- The escalation levels of actions (task parameter escalation), one row per level, written when the action opens and
-- due at its creation plus the level's duration. The recurring sweep claims a due row locked and marks it done in the
-- same transaction that adds the level's people, so each level is carried out once, whichever node sweeps.
CREATE TABLE action_escalation (
    id          uuid         PRIMARY KEY,
    action_id   uuid         NOT NULL REFERENCES action_request (id),
    level       integer      NOT NULL,
    due_at      timestamptz  NOT NULL,
    done_at     timestamptz,
    CONSTRAINT uq_action_escalation_level UNIQUE (action_id, level)
);
-- Serves the sweep: only levels still to do, by due time.
CREATE INDEX "IDX_ESCALATION_DUE" ON action_escalation (due_at) WHERE done_at IS NULL;
