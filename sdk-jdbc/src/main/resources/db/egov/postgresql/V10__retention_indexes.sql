-- Indexes for the retention deletes (SendOutboxRelay.prune, JdbcReceiveCoordinator.prune): sent outbox rows by
-- when they were sent, finished receive claims by when they finished. Unnamed, as everywhere (schema-qualified
-- prefixes cannot name them).
CREATE INDEX ON ${egov_prefix}send_outbox (sent_at)
    WHERE status = 'SENT';
CREATE INDEX ON ${egov_prefix}receive_claims (finished_at)
    WHERE state = 'finished';
