-- Remembers Idempotency-Key headers of responses, so that a retried request completes nothing twice.
CREATE TABLE action_idempotency_key (
    action_id    uuid         NOT NULL REFERENCES action_request (id),
    idem_key     varchar(255) NOT NULL,
    request_hash varchar(64)  NOT NULL,
    created_at   timestamp with time zone  DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (action_id, idem_key)
);
