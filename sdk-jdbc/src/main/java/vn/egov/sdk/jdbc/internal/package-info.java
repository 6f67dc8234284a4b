/**
 * Internals of the JDBC stores: one transaction per call on the vendor's {@link javax.sql.DataSource}, times as
 * PostgreSQL stores them, and which SQL failures may pass if tried again.
 */
package vn.egov.sdk.jdbc.internal;
