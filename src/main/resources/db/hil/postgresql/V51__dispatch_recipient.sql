-- A dispatch row may be for one recipient only: the message a reassignment sends to a person it adds. Empty for
-- the rows that go to everyone the action is addressed to.
ALTER TABLE action_dispatch ADD COLUMN recipient varchar(320);
