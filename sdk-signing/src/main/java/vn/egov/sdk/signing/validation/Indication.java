package vn.egov.sdk.signing.validation;

/** The verdict on a signature, as ETSI EN 319 102-1 (and EU DSS) words it. */
public enum Indication {
    /** The signature is intact and its signer's certificate chains to a trust anchor, valid and not revoked. */
    VALID,
    /** The signature is broken, the content changed, or the signer's certificate was revoked or unusable. */
    INVALID,
    /** It could not be decided: unknown issuer, revocation status unavailable, a weak algorithm. */
    INDETERMINATE
}
