-- Reverses V66.
DROP TABLE IF EXISTS action_escalation;
