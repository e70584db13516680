-- Reverses V23.
DROP TABLE IF EXISTS action_webhook_delivery;
