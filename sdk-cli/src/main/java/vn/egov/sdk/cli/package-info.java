/**
 * The {@code egov} command line for testers and operators: {@link vn.egov.sdk.cli.Egov} is its entry point and
 * {@link vn.egov.sdk.cli.ExitCodes} lists what it returns. The commands themselves live in
 * {@code vn.egov.sdk.cli.internal}.
 */
package vn.egov.sdk.cli;
