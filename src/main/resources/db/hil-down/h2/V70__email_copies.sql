-- Reverses V70.
DROP TABLE IF EXISTS action_email_copy;
