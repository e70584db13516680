-- H2 twin of the PostgreSQL migration.
CREATE TABLE action_email_copy (
    dispatch_id  uuid          NOT NULL REFERENCES action_dispatch (id),
    recipient    varchar(320)  NOT NULL,
    message_id   varchar(998)  NOT NULL,
    sent_at      timestamp with time zone NOT NULL,
    PRIMARY KEY (dispatch_id, recipient)
);
