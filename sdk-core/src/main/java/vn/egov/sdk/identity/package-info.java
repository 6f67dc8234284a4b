/**
 * Login through the national SSO (Cổng DVCQG, which federates citizens to VNeID) or any OpenID Connect provider: the
 * login client ({@link vn.egov.sdk.identity.DvcqgOidcClient}) for a provider ({@link vn.egov.sdk.identity.OidcProvider});
 * ID-token validation ({@link vn.egov.sdk.identity.IdTokenValidator}) against the provider's signing keys
 * ({@link vn.egov.sdk.identity.JwksSource}), and the typed claims of a validated token
 * ({@link vn.egov.sdk.identity.IdTokenClaims}); the typed identity read from userinfo
 * ({@link vn.egov.sdk.identity.DvcqgIdentity}) and the policy it must meet
 * ({@link vn.egov.sdk.identity.IdentityPolicy}), the deep link from the national portal
 * ({@link vn.egov.sdk.identity.DvcqgDeepLink}), the allow-list for return paths
 * ({@link vn.egov.sdk.identity.ReturnPathPolicy}), and the pending-login stores
 * ({@link vn.egov.sdk.identity.PendingLoginStore}).
 */
package vn.egov.sdk.identity;
