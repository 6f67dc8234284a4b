/**
 * The national SSO login in a Spring Boot application: {@link vn.egov.sdk.spring.identity.EgovSsoProperties}
 * ({@code egov.sso.*}) and {@link vn.egov.sdk.spring.identity.EgovSsoAutoConfiguration} (the SDK's
 * {@code DvcqgOidcClient} and a pending-login store as beans), and, with Spring Security,
 * {@link vn.egov.sdk.spring.identity.EgovSsoConfigurer}: a login entry point, the callback, the typed principal
 * {@link vn.egov.sdk.spring.identity.EgovCitizen} in an {@link vn.egov.sdk.spring.identity.EgovSsoAuthentication},
 * refusals as {@link vn.egov.sdk.spring.identity.EgovSsoLoginException}, and the provider's logout.
 */
package vn.egov.sdk.spring.identity;
