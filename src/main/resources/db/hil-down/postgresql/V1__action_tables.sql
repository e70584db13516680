-- Reverses V1: the document's order, audit rows before the actions they point at.
DROP TABLE IF EXISTS action_audit;
DROP TABLE IF EXISTS action_webhook;
DROP TABLE IF EXISTS action_request;
