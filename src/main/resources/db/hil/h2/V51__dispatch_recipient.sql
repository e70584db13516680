-- H2 twin of the PostgreSQL migration.
ALTER TABLE action_dispatch ADD COLUMN recipient varchar(320);
