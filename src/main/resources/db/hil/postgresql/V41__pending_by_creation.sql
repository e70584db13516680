-- Pending actions newest first, whatever else the query filters on: "pending on an output type, newest first"
-- reads this index backwards and stops after a page, where the GIN index over output types would fetch and sort
-- every pending action of the type.
CREATE INDEX "IDX_ACTION_PENDING_CREATED" ON action_request (created_at) WHERE status = 'pending' AND deleted_at IS NULL;
