-- Reverses V40.
DROP TABLE IF EXISTS action_inbound_mailbox;
DROP TABLE IF EXISTS action_inbound_mail;
