package vn.egov.sdk.signing.internal.pdf;

import vn.egov.sdk.signing.DigestAlgorithm;

/** Fetches RFC 3161 timestamp tokens. Kept small so the PDF code can later switch to the SDK's shared client. */
public interface TimestampClient {

    /**
     * A timestamp token over a digest.
     *
     * @param algorithm the digest's algorithm
     * @param digest the message imprint
     * @return the DER {@code TimeStampToken} (a CMS {@code ContentInfo})
     * @throws vn.egov.sdk.signing.SigningException if the authority fails, refuses or answers badly
     */
    byte[] timestamp(DigestAlgorithm algorithm, byte[] digest);
}
