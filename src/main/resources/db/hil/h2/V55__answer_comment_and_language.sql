-- The comment a person may give beside an answer, and the language and time zone an action's emails and pages
-- speak (null: the hil.default-locale and hil.default-time-zone settings, or the chat page's browser).
ALTER TABLE action_request ADD COLUMN response_comment varchar;
ALTER TABLE action_request ADD COLUMN locale varchar(64);
ALTER TABLE action_request ADD COLUMN time_zone varchar(64);
