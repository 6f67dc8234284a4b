/**
 * Login through the national SSO (Cổng DVCQG, which federates citizens to VNeID): the typed identity read from
 * userinfo ({@link vn.egov.sdk.identity.DvcqgIdentity}) and the policy it must meet
 * ({@link vn.egov.sdk.identity.IdentityPolicy}), the deep link from the national portal
 * ({@link vn.egov.sdk.identity.DvcqgDeepLink}), the allow-list for return paths
 * ({@link vn.egov.sdk.identity.ReturnPathPolicy}), and the pending-login stores
 * ({@link vn.egov.sdk.identity.PendingLoginStore}).
 */
package vn.egov.sdk.identity;
