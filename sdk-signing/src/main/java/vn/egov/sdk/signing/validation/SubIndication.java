package vn.egov.sdk.signing.validation;

/** Why a signature is not {@link Indication#VALID}, each with what the vendor can do about it. */
public enum SubIndication {
    /** The signature value does not verify with the signer's public key. */
    SIG_CRYPTO_FAILURE(Indication.INVALID, "the signature value does not match; the document or signature was altered"),
    /** A signed digest does not match the content: the content changed after signing. */
    HASH_FAILURE(Indication.INVALID, "the signed content was changed after signing"),
    /** The signature's structure is not what the format allows (wrapping, missing parts, forbidden transforms). */
    FORMAT_FAILURE(Indication.INVALID, "the signature's structure is not acceptable; reject the document"),
    /** The signer's certificate was revoked before the signing time. */
    REVOKED(Indication.INVALID, "the signer's certificate was revoked; ask the sender to sign again with a valid one"),
    /** The signer's certificate has no key usage allowing signatures. */
    KEY_USAGE(Indication.INVALID, "the signer's certificate may not be used for signatures"),
    /** The signing time is after the certificate's end of validity. */
    EXPIRED(Indication.INVALID, "the signer's certificate had expired at signing time"),
    /** The signing time is before the certificate's start of validity. */
    NOT_YET_VALID(Indication.INVALID, "the signer's certificate was not yet valid at signing time"),
    /** No chain to a configured trust anchor could be built. */
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE,
            "the signer's certificate does not chain to a trusted root; add the issuing CA's root to the trust list"),
    /** The chain is broken: an issuer's signature does not verify, or a CA certificate is not a CA. */
    CHAIN_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "the certificate chain is not valid"),
    /** Revocation could not be checked (responder down, no URL) and the policy requires it. */
    TRY_LATER(Indication.INDETERMINATE, "the revocation status could not be obtained; validate again later"),
    /**
     * The revocation source answered that it does not know the certificate (OCSP {@code unknown}): never counted
     * as good, whatever the policy.
     */
    REVOCATION_UNKNOWN(Indication.INDETERMINATE,
            "the CA's responder does not know the signer's certificate; it may not have been issued by that CA, "
                    + "ask the sender or the CA"),
    /** A weak algorithm (SHA-1, MD5, RSA under 2048 bits) protects the signature. */
    CRYPTO_CONSTRAINTS_FAILURE(Indication.INDETERMINATE,
            "the signature uses a weak algorithm or key; ask the sender for SHA-256 and a 2048-bit key"),
    /** No signature was found where one was expected. */
    SIGNED_DATA_NOT_FOUND(Indication.INDETERMINATE, "no signature was found");

    private final Indication indication;
    private final String advice;

    SubIndication(Indication indication, String advice) {
        this.indication = indication;
        this.advice = advice;
    }

    /**
     * The indication this reason leads to.
     *
     * @return {@link Indication#INVALID} or {@link Indication#INDETERMINATE}
     */
    public Indication indication() {
        return indication;
    }

    /**
     * What it means and what to do, in a sentence.
     *
     * @return one sentence: what the sub-indication means and what to do
     */
    public String advice() {
        return advice;
    }
}
