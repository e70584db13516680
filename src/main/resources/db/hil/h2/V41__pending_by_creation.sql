-- Pending actions newest first, whatever else the query filters on (output type): read in index order, a page at
-- a time. H2 has no partial indexes, so the status leads.
CREATE INDEX IDX_ACTION_PENDING_CREATED ON action_request (status, created_at);
