-- The dossier outbox (JdbcDossierOutbox): what must be sent to the national portal, in the order recorded.
-- item_key is the vendor's idempotency key; sequence is never reused (an identity column).
-- Indexes and constraints are unnamed so that a schema-qualified prefix (vendor_schema.egov_) works too.
CREATE TABLE ${egov_prefix}dossier_outbox (
    sequence        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_key        TEXT        NOT NULL UNIQUE CHECK (char_length(item_key) <= 200),
    kind            TEXT        NOT NULL,
    ma_ho_so        TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'GIVEN_UP')),
    attempts        INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT        NOT NULL DEFAULT '',
    next_attempt_at TIMESTAMPTZ NOT NULL,
    enqueued_at     TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ON ${egov_prefix}dossier_outbox (sequence) WHERE state IN ('PENDING', 'SENDING', 'FAILED');
CREATE INDEX ON ${egov_prefix}dossier_outbox (updated_at) WHERE state IN ('SENT', 'GIVEN_UP');
