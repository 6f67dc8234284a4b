-- The transactional outbox for sends (JdbcSendOutbox, SendOutboxRelay). The first five columns are the Debezium
-- outbox event router's shape (id, aggregatetype, aggregateid, type, payload), so a CDC relay could replace the
-- polling one; the rest is the polling relay's own bookkeeping. Indexes and constraints are left unnamed: a
-- schema-qualified prefix (schema.egov_) cannot name them.
CREATE TABLE ${egov_prefix}send_outbox (
    id UUID PRIMARY KEY,
    aggregatetype VARCHAR(255) NOT NULL,
    aggregateid VARCHAR(255) NOT NULL,
    type VARCHAR(255) NOT NULL,
    payload BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    status VARCHAR(16) NOT NULL DEFAULT 'PENDING',
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at TIMESTAMPTZ,
    axis_doc_id VARCHAR(255),
    last_error VARCHAR(1000),
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD'))
);
CREATE INDEX ON ${egov_prefix}send_outbox (next_attempt_at)
    WHERE status IN ('PENDING', 'SENDING');
