-- Reverses V56.
DROP TABLE IF EXISTS action_late_reply_notice;
