package vn.egov.sdk.payment;

/**
 * What the vendor does when a payment reaches its final state (moves the dossier on, issues the receipt number).
 * The {@link PaymentStore} runs it once per payment: the state is committed only if it returns normally, so a
 * failed effect is retried by the next callback or by the {@code Reconciler}.
 */
@FunctionalInterface
public interface PaymentEffect {
    /**
     * Acts on a payment that has just become final.
     *
     * @param payment the record in its new final state
     * @throws Exception anything; the state change is then not committed
     */
    void onFinal(PaymentRecord payment) throws Exception;

    /**
     * An effect that does nothing (the vendor reads the store instead).
     *
     * @return the effect
     */
    static PaymentEffect none() {
        return payment -> { };
    }
}
