package vn.egov.sdk.signing.remote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.DigestAlgorithm;

/**
 * What to ask a remote service to sign: the signer, optionally which of the signer's certificates, and one or more
 * hashes. Immutable; the {@code transactionId} is minted once here (a random UUID unless given) so a repeated
 * submission of the same request is recognised by the service instead of creating a second transaction.
 *
 * @param transactionId the client's id of the transaction (SmartCA {@code transaction_id}), reused on every retry
 * @param userId the signer's id at the service (SmartCA: the citizen id)
 * @param certificateSerial the serial number (hex) of the certificate to sign with; empty for the service's default
 * @param hashes the hashes, at least one, with distinct document ids
 * @param description words shown to the signer with the request, empty for none
 */
public record RemoteSignRequest(String transactionId, String userId, Optional<String> certificateSerial,
                                List<HashToSign> hashes, Optional<String> description) {
    /** The most hashes one request may carry. */
    public static final int MAX_HASHES = 100;

    /**
     * Checks every field and copies.
     *
     * @param transactionId the client's transaction id, 1..64 characters
     * @param userId the signer's id at the service; required
     * @param certificateSerial the hexadecimal serial of the certificate to sign with, or empty
     * @param hashes the hashes to sign, at least one, with distinct document ids; copied
     * @param description words shown to the signer, or empty
     * @throws ValidationException listing every broken rule
     */
    public RemoteSignRequest {
        List<FieldError> errors = new ArrayList<>();
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 64) {
            errors.add(new FieldError("remote.transactionId", "RemoteSignRequest.transactionId",
                    "transactionId must be 1..64 characters"));
        }
        if (userId == null || userId.isBlank() || userId.length() > 64) {
            errors.add(new FieldError("remote.userId", "RemoteSignRequest.userId", "userId must be 1..64 characters"));
        }
        if (certificateSerial == null) {
            certificateSerial = Optional.empty();
        }
        if (certificateSerial.isPresent() && !certificateSerial.get().matches("[0-9A-Fa-f]{1,64}")) {
            errors.add(new FieldError("remote.certificateSerial", "RemoteSignRequest.certificateSerial",
                    "certificateSerial must be 1..64 hexadecimal digits"));
        }
        if (hashes == null || hashes.isEmpty() || hashes.size() > MAX_HASHES) {
            errors.add(new FieldError("remote.hashes", "RemoteSignRequest.hashes",
                    "between 1 and " + MAX_HASHES + " hashes are required"));
        } else {
            Set<String> ids = new HashSet<>();
            for (HashToSign h : hashes) {
                if (h == null || !ids.add(h.documentId())) {
                    errors.add(new FieldError("remote.hashes.documentId", "RemoteSignRequest.hashes",
                            "hashes must be non-null with distinct document ids"));
                    break;
                }
            }
        }
        if (description == null) {
            description = Optional.empty();
        }
        if (description.isPresent() && description.get().length() > 500) {
            errors.add(new FieldError("remote.description", "RemoteSignRequest.description",
                    "description must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        hashes = List.copyOf(hashes);
    }

    /**
     * A request for one hash with a fresh transaction id and the service's default certificate.
     *
     * @param userId the signer
     * @param hash the hash
     * @return the request
     */
    public static RemoteSignRequest of(String userId, HashToSign hash) {
        return new RemoteSignRequest(java.util.UUID.randomUUID().toString(), userId, Optional.empty(),
                List.of(hash), Optional.empty());
    }

    /**
     * A copy signing with the certificate of this serial number (hex).
     *
     * @param serial the certificate's serial number in hexadecimal, or {@code null} for the service's default
     * @return a request equal to this one but for the certificate serial, with the same transaction id
     */
    public RemoteSignRequest withCertificateSerial(String serial) {
        return new RemoteSignRequest(transactionId, userId, Optional.ofNullable(serial), hashes, description);
    }

    /**
     * A copy with words shown to the signer.
     *
     * @param text the words to show the signer, or {@code null} for none
     * @return a request equal to this one but for the description, with the same transaction id
     */
    public RemoteSignRequest withDescription(String text) {
        return new RemoteSignRequest(transactionId, userId, certificateSerial, hashes, Optional.ofNullable(text));
    }

    @Override
    public String toString() {
        return "RemoteSignRequest[" + transactionId + ", " + hashes.size() + " hash(es)]";
    }

    /**
     * One hash to sign. Immutable.
     *
     * @param documentId the caller's id of the document ({@code doc_id}), 1..128 characters
     * @param digest the hash bytes
     * @param algorithm the digest algorithm the hash was made with; its length must match
     */
    public record HashToSign(String documentId, byte[] digest, DigestAlgorithm algorithm) {
        /**
         * Checks and copies.
         *
         * @param documentId the caller's id of the document, 1..128 characters
         * @param digest the hash bytes, as long as {@code algorithm} produces; copied
         * @param algorithm the digest algorithm the hash was made with; required
         * @throws ValidationException if a field is missing or the digest length does not fit the algorithm
         */
        public HashToSign {
            if (documentId == null || documentId.isBlank() || documentId.length() > 128) {
                throw ValidationException.of("remote.documentId", "HashToSign.documentId",
                        "documentId must be 1..128 characters");
            }
            if (algorithm == null || digest == null) {
                throw ValidationException.of("remote.digest", "HashToSign.digest", "digest and algorithm are required");
            }
            int expected = algorithm.newMessageDigest().getDigestLength();
            if (digest.length != expected) {
                throw ValidationException.of("remote.digest.length", "HashToSign.digest",
                        "a " + algorithm.jcaName() + " digest has " + expected + " bytes, not " + digest.length);
            }
            digest = digest.clone();
        }

        /**
         * The hash bytes (a copy).
         *
         * @return a fresh copy of the hash bytes
         */
        @Override
        public byte[] digest() {
            return digest.clone();
        }

        /**
         * The hash as lowercase hexadecimal (SmartCA's {@code data_to_be_signed}).
         *
         * @return the hash as lowercase hexadecimal, two characters per byte
         */
        public String hex() {
            return HexFormat.of().formatHex(digest);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HashToSign h && h.documentId.equals(documentId) && h.algorithm == algorithm
                    && Arrays.equals(h.digest, digest);
        }

        @Override
        public int hashCode() {
            return 31 * documentId.hashCode() + Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "HashToSign[" + documentId + ", " + algorithm.jcaName() + " " + hex() + "]";
        }
    }
}
