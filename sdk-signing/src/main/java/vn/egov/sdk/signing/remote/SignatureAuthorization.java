package vn.egov.sdk.signing.remote;

import java.time.Instant;
import java.util.Optional;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;

/**
 * What SmartCA "Tích hợp" answers a signing request checked by password and OTP with: the transaction and its
 * signature activation data ({@code sad}, a short-lived token) to confirm it with
 * ({@link SmartCaIntegrated#confirm(SignatureAuthorization)}). Immutable; the {@code sad} never appears in
 * {@link #toString()}.
 *
 * @param transactionId the transaction's id
 * @param userId the signer's id
 * @param sad the signature activation data
 * @param expiresAt when the {@code sad} stops being accepted, if the service said ({@code expired_in} seconds)
 */
public record SignatureAuthorization(String transactionId, String userId, Secret sad, Optional<Instant> expiresAt) {
    /**
     * Checks the fields.
     *
     * @param transactionId the transaction's id; required
     * @param userId the signer's id; required
     * @param sad the signature activation data; required, never shown in {@link #toString()}
     * @param expiresAt when the {@code sad} expires, or empty if the service did not say
     */
    public SignatureAuthorization {
        ValidationException.requireNonNull(transactionId, "SignatureAuthorization.transactionId");
        ValidationException.requireNonNull(userId, "SignatureAuthorization.userId");
        ValidationException.requireNonNull(sad, "SignatureAuthorization.sad");
        ValidationException.requireNonNull(expiresAt, "SignatureAuthorization.expiresAt");
    }

    @Override
    public String toString() {
        return "SignatureAuthorization[" + transactionId + ", sad ****" + expiresAt.map(e -> ", expires " + e)
                .orElse("") + "]";
    }
}
