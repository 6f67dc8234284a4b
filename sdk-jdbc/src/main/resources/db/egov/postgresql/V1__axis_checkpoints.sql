-- The axis receive loop's checkpoints (JdbcCheckpointStore): one row per received package, by the axis docId.
-- States only move forward (IN_PROGRESS <-> FAILED -> HANDLED -> DONE; IN_PROGRESS/FAILED -> GAVE_UP).
-- Indexes and constraints are unnamed so that a schema-qualified prefix (vendor_schema.egov_) works too.
CREATE TABLE ${egov_prefix}axis_checkpoint (
    doc_id     TEXT        NOT NULL PRIMARY KEY,
    state      TEXT        NOT NULL CHECK (state IN ('IN_PROGRESS', 'FAILED', 'HANDLED', 'DONE', 'GAVE_UP')),
    attempts   INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error TEXT        NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ON ${egov_prefix}axis_checkpoint (updated_at);
