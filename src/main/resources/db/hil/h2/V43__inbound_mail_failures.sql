-- Email replies that failed: how often each message was tried, its last error, and where it lies (mailbox, UID
-- validity, UID), so that later polls read it again until hil.mail.inbound.max-attempts.
ALTER TABLE action_inbound_mail ADD COLUMN attempts int NOT NULL DEFAULT 1;
ALTER TABLE action_inbound_mail ADD COLUMN error varchar(2000);
ALTER TABLE action_inbound_mail ADD COLUMN mailbox varchar(512);
ALTER TABLE action_inbound_mail ADD COLUMN uid_validity bigint;
ALTER TABLE action_inbound_mail ADD COLUMN uid bigint;
CREATE INDEX action_inbound_mail_failed ON action_inbound_mail (outcome, mailbox, uid_validity, uid);
