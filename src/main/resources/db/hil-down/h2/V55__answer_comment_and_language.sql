-- Reverses V55.
ALTER TABLE action_request DROP COLUMN IF EXISTS time_zone;
ALTER TABLE action_request DROP COLUMN IF EXISTS locale;
ALTER TABLE action_request DROP COLUMN IF EXISTS response_comment;
