package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.proc.SecurityContext;

/**
 * What one validation carries through Nimbus' processor: the expected nonce (and, for a refreshed ID token, the
 * login's subject and {@code auth_time}) in, the key lookup's outcome out.
 */
final class ValidationContext implements SecurityContext {
    final String expectedNonce;
    /** For a refreshed ID token: the login's {@code sub}; null when validating a login's ID token. */
    final String originalSubject;
    /** For a refreshed ID token: the login's {@code auth_time} claim, or null when it had none. */
    final Object originalAuthTime;
    /** Set when no key matched the header, even after any refetch. */
    boolean noMatchingKey;
    /** Set when the key lookup refetched the JWKS. */
    boolean refetched;

    ValidationContext(String expectedNonce) {
        this(expectedNonce, null, null);
    }

    ValidationContext(String expectedNonce, String originalSubject, Object originalAuthTime) {
        this.expectedNonce = expectedNonce;
        this.originalSubject = originalSubject;
        this.originalAuthTime = originalAuthTime;
    }

    /** @return whether the token is a refresh response's (OpenID Connect Core §12.2 rules, no nonce required) */
    boolean refreshed() {
        return originalSubject != null;
    }
}
