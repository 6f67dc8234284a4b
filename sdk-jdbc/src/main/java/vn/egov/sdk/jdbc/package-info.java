/**
 * The SDK's stores on a relational database (PostgreSQL), for vendors running several application nodes on one
 * database: every store takes the vendor's own {@link javax.sql.DataSource}; the schema ships as versioned SQL
 * under {@code db/egov/postgresql} on the classpath, for Flyway or the vendor's own tool, with the table prefix
 * of {@link vn.egov.sdk.jdbc.JdbcTables}.
 */
package vn.egov.sdk.jdbc;
