/**
 * The SDK's stores on the application's PostgreSQL, for several application nodes sharing one database (module
 * {@code sdk-jdbc}): {@link vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration} makes every JDBC store the bean of
 * its SDK interface when the application has one {@link javax.sql.DataSource}, shares the receive loop between the
 * nodes through a {@link vn.egov.sdk.jdbc.JdbcReceiveCoordinator}, and runs the send outbox relay with the context
 * ({@link vn.egov.sdk.spring.jdbc.SendOutboxRelayLifecycle}); settings under {@code egov.jdbc.*}
 * ({@link vn.egov.sdk.spring.jdbc.EgovJdbcProperties}).
 */
package vn.egov.sdk.spring.jdbc;
