-- The activity instance a HIL task waits in. The engine hands a waiting task that is no scope of its own to another
-- execution when parallel paths beside it end or begin (it replaces the execution and keeps the activity instance),
-- so an action finds the execution that waits for it now by this id. Null for actions opened before it was kept.
ALTER TABLE action_request ADD COLUMN activity_instance_id varchar(64);
-- Finds the pending action of a task whose execution the engine replaced, when the task is left without an answer.
CREATE INDEX "IDX_ACTION_ACTIVITY_INSTANCE" ON action_request (activity_instance_id) WHERE status = 'pending';
