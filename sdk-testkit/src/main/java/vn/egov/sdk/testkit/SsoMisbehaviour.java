package vn.egov.sdk.testkit;

/**
 * A way the sandbox's SSO can get its next ID token wrong on purpose ({@link SsoSandbox#nextIdToken}), so that a
 * relying party's tests can check that it refuses it. Each applies to one token response and is then forgotten.
 */
public enum SsoMisbehaviour {
    /** The {@code nonce} claim is not the one the authorization request sent (or is there when none was sent). */
    WRONG_NONCE,
    /** {@code exp} lies ten minutes in the past ({@code iat} seventy minutes in the past). */
    EXPIRED,
    /** {@code iss} is another issuer ({@code https://attacker.example/sso}). */
    WRONG_ISSUER,
    /** {@code aud} and {@code azp} name another client ({@code another-client}). */
    WRONG_AUDIENCE,
    /** Signed with a key the JWKS does not publish, under a {@code kid} the JWKS does not list. */
    UNKNOWN_KID,
    /** Not signed at all: {@code alg} {@code none} and an empty signature. */
    ALG_NONE,
    /**
     * {@code alg} HS256, the MAC keyed with the current RSA public key (its PEM text): the key-confusion attack a
     * validator that lets the header choose the algorithm falls for.
     */
    HS256_WITH_PUBLIC_KEY,
    /** RS256 under the current {@code kid}, but signed with another RSA key: the signature does not verify. */
    BAD_SIGNATURE,
    /**
     * The ID token is correct, but userinfo called with the access token of the same response answers another
     * {@code sub}.
     */
    USERINFO_SUB_MISMATCH
}
