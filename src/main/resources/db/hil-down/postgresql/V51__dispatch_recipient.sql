-- Reverses V51.
ALTER TABLE action_dispatch DROP COLUMN IF EXISTS recipient;
