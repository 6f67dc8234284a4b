-- The pending-login store (JdbcPendingLoginStore): one row per login between the authorization request and its
-- callback; a taken login keeps its row (secrets cleared) until it expires, so a replay is told apart.
CREATE TABLE ${egov_prefix}pending_login (
    state          TEXT        PRIMARY KEY,
    seq            BIGSERIAL   NOT NULL,
    binding        TEXT        NOT NULL,
    nonce          TEXT,
    code_verifier  TEXT,
    redirect_uri   TEXT,
    return_path    TEXT,
    acr_values     TEXT[],
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    taken          BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX ON ${egov_prefix}pending_login (expires_at);
CREATE INDEX ON ${egov_prefix}pending_login (taken, seq);
