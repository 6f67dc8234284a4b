-- The national catalogue between syncs (JdbcCatalogueCache): one row per cache name, the whole snapshot in its JSON
-- form (format vn.egov.sdk.catalogue/1, the same as FileCatalogueCache's file), replaced by one statement.
CREATE TABLE ${egov_prefix}catalogue_cache (
    name      TEXT        NOT NULL PRIMARY KEY,
    synced_at TIMESTAMPTZ NOT NULL,
    snapshot  TEXT        NOT NULL,
    saved_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
