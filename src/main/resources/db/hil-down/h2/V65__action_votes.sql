-- Reverses V65.
DROP TABLE IF EXISTS action_vote;
