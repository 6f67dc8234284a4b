/** The JDBC slice's implementation: its property rules and helpers; not an API. */
package vn.egov.sdk.spring.jdbc.internal;
