package vn.egov.sdk.identity;

/**
 * How a login's ID token was checked, strongest first ({@link LoginResult#verification()}). Which one applies is
 * decided by what the {@link OidcProvider} publishes; see {@link DvcqgOidcClient}.
 */
public enum IdTokenVerification {
    /**
     * The signature was verified with a key of the provider's JWKS, and every claim rule of
     * {@link IdTokenValidator} held.
     */
    SIGNATURE,
    /**
     * No JWKS is known: the ID token's claims ({@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat},
     * {@code nbf}, {@code nonce}) were checked on a token received directly from the token endpoint over TLS
     * (OpenID Connect Core §3.1.3.7 point 6), and the provider confirmed the access token with its token-validation
     * or introspection call (one that does not is refused as {@link IdTokenFailure#BAD_SIGNATURE}). Weaker: a
     * compromised or impersonated TLS endpoint is not detected.
     */
    PROVIDER_CALL,
    /**
     * No JWKS and no validation call is known: only the claims were checked on the token received directly over
     * TLS. The weakest; configure a JWKS or a validation endpoint on the provider to do better.
     */
    TLS_ONLY
}
