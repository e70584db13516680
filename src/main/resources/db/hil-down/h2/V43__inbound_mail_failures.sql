-- Reverses V43.
DROP INDEX IF EXISTS action_inbound_mail_failed;
ALTER TABLE action_inbound_mail DROP COLUMN IF EXISTS uid;
ALTER TABLE action_inbound_mail DROP COLUMN IF EXISTS uid_validity;
ALTER TABLE action_inbound_mail DROP COLUMN IF EXISTS mailbox;
ALTER TABLE action_inbound_mail DROP COLUMN IF EXISTS error;
ALTER TABLE action_inbound_mail DROP COLUMN IF EXISTS attempts;
