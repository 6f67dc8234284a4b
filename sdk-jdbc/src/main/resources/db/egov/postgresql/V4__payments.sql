-- The payment store (JdbcPaymentStore): one row per payment, keyed by system and merchant reference.
CREATE TABLE ${egov_prefix}payment (
    system                 TEXT        NOT NULL,
    reference              TEXT        NOT NULL,
    dossier_code           TEXT        NOT NULL,
    amount                 BIGINT      NOT NULL CHECK (amount > 0),
    state                  TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    request_time           TEXT        NOT NULL,
    redirect_url           TEXT,
    gateway_transaction_id TEXT,
    updated_at             TIMESTAMPTZ NOT NULL,
    attribute_names        TEXT[]      NOT NULL,
    attribute_values       TEXT[]      NOT NULL,
    PRIMARY KEY (system, reference)
);
CREATE INDEX ON ${egov_prefix}payment (system, dossier_code, amount, created_at)
    WHERE state = 'PENDING';
CREATE INDEX ON ${egov_prefix}payment (system, created_at, reference);
