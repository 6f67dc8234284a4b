package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.proc.SecurityContext;

/** What one validation carries through Nimbus' processor: the expected nonce in, the key lookup's outcome out. */
final class ValidationContext implements SecurityContext {
    final String expectedNonce;
    /** Set when no key matched the header, even after any refetch. */
    boolean noMatchingKey;
    /** Set when the key lookup refetched the JWKS. */
    boolean refetched;

    ValidationContext(String expectedNonce) {
        this.expectedNonce = expectedNonce;
    }
}
