-- Reverses V10.
DROP TABLE IF EXISTS action_dispatch;
