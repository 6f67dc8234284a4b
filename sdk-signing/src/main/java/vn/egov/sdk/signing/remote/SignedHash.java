package vn.egov.sdk.signing.remote;

import java.util.Arrays;
import vn.egov.sdk.core.ValidationException;

/**
 * One signature a remote service returned: the document id it was requested under and the signature bytes (for
 * RSA the PKCS#1 v1.5 block). Immutable.
 *
 * @param documentId the id given in {@link RemoteSignRequest.HashToSign#documentId()} ({@code doc_id})
 * @param signature the signature bytes ({@code signature_value}, base64 on the wire)
 */
public record SignedHash(String documentId, byte[] signature) {
    /**
     * Checks and copies.
     *
     * @param documentId the document id the hash was requested under; required
     * @param signature the signature bytes; required, non-empty, copied
     */
    public SignedHash {
        if (documentId == null || signature == null || signature.length == 0) {
            throw ValidationException.of("remote.signedHash", "SignedHash",
                    "a document id and a non-empty signature are required");
        }
        signature = signature.clone();
    }

    /**
     * The signature bytes (a copy).
     *
     * @return a fresh copy of the signature bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedHash s && s.documentId.equals(documentId) && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * documentId.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedHash[" + documentId + ", " + signature.length + " bytes]";
    }
}
