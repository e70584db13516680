-- The messages owed to people whose email reply came after its action had closed: one per action and sender at
-- most (the primary key), written with the reply's outcome and sent after commit, tried again until
-- next_attempt_at is null (sent, or given up with the error kept).
CREATE TABLE action_late_reply_notice (
    action_id       uuid          NOT NULL,
    sender          varchar(320)  NOT NULL,
    in_reply_to     varchar(998)  NOT NULL,
    reference_ids   varchar(4000),
    subject         varchar(998)  NOT NULL,
    body            text          NOT NULL,
    attempts        int           NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    error           varchar(2000),
    created_at      timestamptz   NOT NULL,
    PRIMARY KEY (action_id, sender)
);
CREATE INDEX action_late_reply_notice_due ON action_late_reply_notice (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
