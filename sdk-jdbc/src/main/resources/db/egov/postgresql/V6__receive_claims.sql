-- Received axis packages shared by the nodes of a cluster (JdbcReceiveCoordinator): one row per listed docId.
-- state: 'open' (to be handled) or 'finished' (acknowledged or quarantined: never claimed again).
-- A node claims an open row whose lease is absent or ran out (FOR UPDATE SKIP LOCKED), which bumps lease_token;
-- handled_at is set in the vendor's own transaction by the transactional handler.
CREATE TABLE ${egov_prefix}receive_claims (
    doc_id        TEXT        NOT NULL PRIMARY KEY,
    message_type  TEXT        NOT NULL,
    listed_status TEXT,
    state         TEXT        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished')),
    claimed_by    TEXT,
    lease_token   BIGINT      NOT NULL DEFAULT 0,
    lease_until   TIMESTAMPTZ,
    handed_over   INT         NOT NULL DEFAULT 0,
    handled_at    TIMESTAMPTZ,
    handled_by    TEXT,
    offered_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    finished_at   TIMESTAMPTZ
);
CREATE INDEX ON ${egov_prefix}receive_claims (message_type, offered_at)
    WHERE state = 'open';
