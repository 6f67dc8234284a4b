/**
 * The {@code egov} commands and their output; implementation details of {@link vn.egov.sdk.cli.Egov}, not an API.
 */
package vn.egov.sdk.cli.internal;
