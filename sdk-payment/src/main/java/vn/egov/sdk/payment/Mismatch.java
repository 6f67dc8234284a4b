package vn.egov.sdk.payment;

import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * One difference between the vendor's ledger and the payment system's list, with both sides' values as they were.
 *
 * @param kind what kind of difference
 * @param reference the merchant reference it is about
 * @param ledger the ledger's record, when the ledger has one (for a {@link MismatchKind#DUPLICATE} in the ledger,
 *     the repeated record)
 * @param platform the system's transaction, when the system lists one (for a {@link MismatchKind#DUPLICATE} on the
 *     platform, the repeated transaction)
 * @param detail the difference in words
 */
public record Mismatch(MismatchKind kind, String reference, Optional<PaymentRecord> ledger,
        Optional<PlatformTransaction> platform, String detail) {

    /**
     * Validates the components.
     *
     * @param kind the kind
     * @param reference the reference
     * @param ledger the ledger's side, if any
     * @param platform the system's side, if any
     * @param detail the description
     */
    public Mismatch {
        ValidationException.requireNonNull(kind, "Mismatch.kind");
        ValidationException.requireText(reference, "Mismatch.reference");
        ValidationException.requireNonNull(ledger, "Mismatch.ledger");
        ValidationException.requireNonNull(platform, "Mismatch.platform");
        ValidationException.requireNonNull(detail, "Mismatch.detail");
        if (ledger.isEmpty() && platform.isEmpty()) {
            throw ValidationException.of("one-side", "Mismatch.ledger", "a mismatch has at least one side");
        }
    }
}
