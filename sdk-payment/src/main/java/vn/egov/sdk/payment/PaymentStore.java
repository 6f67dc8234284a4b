package vn.egov.sdk.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * Where the SDK keeps the vendor's own record of each payment: the reference fixed before the first request, the
 * amount every callback is checked against, and the one transition from pending to final that makes a callback
 * take effect once. {@link InMemoryPaymentStore} is the default; a store on the vendor's database shares the
 * records between application nodes. Implementations are thread-safe.
 */
public interface PaymentStore {
    /**
     * Records a new payment.
     *
     * @param record the record, {@link PaymentState#PENDING}
     * @throws vn.egov.sdk.core.ValidationException when a payment with the same system and reference exists
     */
    void create(PaymentRecord record);

    /**
     * Replaces the record of a pending payment (for example with the payment page's URL). Final records do not change.
     *
     * @param record the new record, same system and reference
     * @return whether it was replaced ({@code false} when unknown or already final)
     */
    boolean updatePending(PaymentRecord record);

    /**
     * The record with this reference.
     *
     * @param system the system
     * @param reference the merchant reference
     * @return the record, or empty
     */
    Optional<PaymentRecord> find(PaymentSystem system, String reference);

    /**
     * The pending payment of a dossier for this amount, if there is one: a creation retried after a timeout reuses
     * it instead of making a second transaction.
     *
     * @param system the system
     * @param dossierCode the dossier
     * @param amount the amount in VND
     * @return the newest such pending record, or empty
     */
    Optional<PaymentRecord> findPending(PaymentSystem system, String dossierCode, long amount);

    /**
     * The pending payment of the candidate's dossier and amount if there is one, else the candidate, recorded: in
     * one step, so that creations of one dossier's payment racing each other (two threads, two application nodes,
     * a retry after a timeout) end up with one payment and one reference.
     *
     * @param candidate a new pending record, used only when no pending payment of its dossier and amount exists
     * @return the record to use: the existing pending one, or the candidate
     * @throws vn.egov.sdk.core.ValidationException when the candidate is not pending or its reference is taken
     */
    PaymentRecord findPendingOrCreate(PaymentRecord candidate);

    /**
     * Moves a pending payment to a final state and runs the effect, once. The effect runs before the change is
     * committed, under the store's lock for that payment (or in the same database transaction); if it throws,
     * nothing changes and the exception is rethrown.
     *
     * @param system the system
     * @param reference the merchant reference
     * @param state the final state
     * @param gatewayTransactionId the system's transaction id, or empty text
     * @param at when it became final
     * @param effect the vendor's effect
     * @return what happened
     * @throws PaymentEffectException when the effect threw
     * @throws ValidationException when an argument is missing or the state is not final (see
     *         {@link #checkFinalState})
     */
    ApplyOutcome applyFinalState(PaymentSystem system, String reference, PaymentState state,
            String gatewayTransactionId, Instant at, PaymentEffect effect);

    /**
     * The argument checks every implementation of {@link #applyFinalState} makes first, before it looks the payment
     * up: nothing is missing (the gateway's transaction id may be empty text or null) and the new state is final.
     *
     * @param system the system
     * @param reference the merchant reference
     * @param state the final state
     * @param at when it became final
     * @param effect the vendor's effect
     * @throws ValidationException naming the argument ({@code PaymentStore.system}, {@code .reference},
     *         {@code .state}, {@code .at}, {@code .effect}): rule {@code required} when it is null, {@code final} when
     *         the state is not final
     */
    static void checkFinalState(PaymentSystem system, String reference, PaymentState state, Instant at,
            PaymentEffect effect) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(reference, "PaymentStore.reference");
        ValidationException.requireNonNull(state, "PaymentStore.state");
        if (!state.isFinal()) {
            throw ValidationException.of("final", "PaymentStore.state", "the new state must be final, was " + state);
        }
        ValidationException.requireNonNull(at, "PaymentStore.at");
        ValidationException.requireNonNull(effect, "PaymentStore.effect");
    }

    /**
     * Pending payments created inside a window, oldest first (what the {@code Reconciler} asks the system about).
     *
     * @param system the system
     * @param createdFrom the window's start, inclusive
     * @param createdBefore the window's end, exclusive
     * @param limit at most this many
     * @return the records
     */
    List<PaymentRecord> pendingBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore, int limit);

    /**
     * Every payment created inside a window, oldest first (the vendor's ledger for a reconciliation report).
     *
     * @param system the system
     * @param createdFrom the window's start, inclusive
     * @param createdBefore the window's end, exclusive
     * @return the records
     */
    List<PaymentRecord> createdBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore);
}
