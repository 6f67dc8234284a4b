/**
 * Login through the national SSO (Cổng DVCQG, federating citizens to VNeID): ID-token validation
 * ({@link vn.egov.sdk.identity.IdTokenValidator}) against the provider's signing keys
 * ({@link vn.egov.sdk.identity.JwksSource}), and the typed claims of a validated token
 * ({@link vn.egov.sdk.identity.IdTokenClaims}).
 */
package vn.egov.sdk.identity;
