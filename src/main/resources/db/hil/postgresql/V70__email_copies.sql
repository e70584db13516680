-- The copies of an email that went out, one per dispatch row and recipient (the primary key), written right after
-- each copy was sent, so that a retry of the row sends only the copies still owed, with the same Message-ID.
-- recipient is the address in lower case.
CREATE TABLE action_email_copy (
    dispatch_id  uuid          NOT NULL REFERENCES action_dispatch (id),
    recipient    varchar(320)  NOT NULL,
    message_id   varchar(998)  NOT NULL,
    sent_at      timestamptz   NOT NULL,
    PRIMARY KEY (dispatch_id, recipient)
);
