-- Reverses V50.
DROP TABLE IF EXISTS action_recipient;
