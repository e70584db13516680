-- Email replies: each handled message once (by Message-ID), and how far each mailbox has been read (by IMAP UID).
CREATE TABLE action_inbound_mail (
    message_id varchar(998) PRIMARY KEY,
    action_id  uuid,
    outcome    varchar(32)  NOT NULL,
    sender     varchar(320),
    handled_at timestamp with time zone  NOT NULL
);
CREATE INDEX action_inbound_mail_action ON action_inbound_mail (action_id);

CREATE TABLE action_inbound_mailbox (
    mailbox      varchar(512) PRIMARY KEY,
    uid_validity bigint       NOT NULL,
    last_uid     bigint       NOT NULL
);
