package vn.egov.sdk.signing.remote;

import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * A remote signing transaction as the service last described it. Immutable.
 *
 * @param transactionId the service's id of the transaction (for SmartCA the client's {@code transaction_id}, which
 *        the service echoes)
 * @param userId the signer's id
 * @param status where it stands
 * @param signatures the signatures, when {@link TransactionStatus#SUCCESS}; empty otherwise
 * @param confirmationCode a code the service shows the signer with the request (SmartCA {@code tran_code}), so
 *        the signer can check it is the one the application shows; empty if none
 * @param message the service's own word for the state (for example {@code SUCCESS}, {@code EXPIRED}), empty if none
 */
public record SigningTransaction(String transactionId, String userId, TransactionStatus status,
                                 List<SignedHash> signatures, Optional<String> confirmationCode,
                                 Optional<String> message) {
    /**
     * Checks and copies.
     *
     * @param transactionId the transaction's id; required
     * @param userId the signer's id; required
     * @param status where the transaction stands; required
     * @param signatures the signatures when it succeeded, else empty; copied
     * @param confirmationCode the code the service shows the signer, or empty
     * @param message the service's own word for the state, or empty
     */
    public SigningTransaction {
        ValidationException.requireNonNull(transactionId, "SigningTransaction.transactionId");
        ValidationException.requireNonNull(userId, "SigningTransaction.userId");
        ValidationException.requireNonNull(status, "SigningTransaction.status");
        signatures = List.copyOf(signatures);
        ValidationException.requireNonNull(confirmationCode, "SigningTransaction.confirmationCode");
        ValidationException.requireNonNull(message, "SigningTransaction.message");
    }

    /**
     * The signature for a document id.
     *
     * @param documentId the id given in the request
     * @return the signature, or empty when the transaction holds none for that id
     */
    public Optional<SignedHash> signature(String documentId) {
        return signatures.stream().filter(s -> s.documentId().equals(documentId)).findFirst();
    }

    /**
     * A copy in another state (for services that answer a status with only the state).
     *
     * @param newStatus the state the service now reports
     * @param newSignatures the signatures it returned, empty unless {@code newStatus} is
     *     {@link TransactionStatus#SUCCESS}
     * @param newMessage the service's own word for the state, or empty
     * @return a transaction with the same id, signer and confirmation code in the new state
     */
    public SigningTransaction with(TransactionStatus newStatus, List<SignedHash> newSignatures,
            Optional<String> newMessage) {
        return new SigningTransaction(transactionId, userId, newStatus, newSignatures, confirmationCode, newMessage);
    }

    @Override
    public String toString() {
        return "SigningTransaction[" + transactionId + ", " + status + ", " + signatures.size() + " signature(s)"
                + message.map(m -> ", " + m).orElse("") + "]";
    }
}
