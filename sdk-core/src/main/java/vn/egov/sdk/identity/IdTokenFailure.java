package vn.egov.sdk.identity;

/**
 * Why an ID token was refused ({@link IdTokenException#failure()}): stable values, safe to switch on.
 */
public enum IdTokenFailure {
    /** Not a signed JWT in compact form: wrong number of parts, bad base64url, bad JSON, a claim of the wrong type,
     *  duplicate names in the header or claims, or an encrypted JWT (JWE) where a signed one was expected. */
    MALFORMED,
    /** Longer than {@link IdTokenValidator#MAX_TOKEN_LENGTH} characters; refused before it is parsed. */
    TOO_LARGE,
    /** The header's {@code alg} is not in the validator's allow-list ({@code none} and HMAC never are). */
    ALGORITHM_NOT_ALLOWED,
    /** No key of the provider's JWKS matches the header's {@code kid} and {@code alg}, even after a refetch. */
    UNKNOWN_KEY,
    /** The signature does not verify with any matching key of the provider's JWKS. */
    BAD_SIGNATURE,
    /** The {@code iss} claim is not exactly the configured issuer. */
    WRONG_ISSUER,
    /** The {@code aud} claim does not contain the client id. */
    WRONG_AUDIENCE,
    /** The {@code azp} claim is not the client id (required when {@code aud} names several audiences). */
    WRONG_AUTHORIZED_PARTY,
    /** A required claim ({@code sub}, {@code exp}, {@code iat}, {@code nonce}, {@code aud}) is absent or empty. */
    MISSING_CLAIM,
    /** {@code exp} is past, by more than the clock skew. */
    EXPIRED,
    /** {@code nbf} is in the future, by more than the clock skew. */
    NOT_YET_VALID,
    /** {@code iat} is in the future, by more than the clock skew. */
    ISSUED_IN_FUTURE,
    /** {@code nonce} is not the one sent with this login's authorization request (a replay, or another login's). */
    WRONG_NONCE,
    /**
     * A refreshed ID token ({@link IdTokenValidator#validateRefreshed}) is not about the login's authentication: its
     * {@code sub}, or its {@code auth_time} when both tokens carry one, differs from the login's ID token's
     * (OpenID Connect Core §12.2).
     */
    WRONG_SUBJECT,
    /** The provider's JWKS could not be fetched (or was unusable) and no cached copy within its lifetime remains. */
    JWKS_UNAVAILABLE
}
