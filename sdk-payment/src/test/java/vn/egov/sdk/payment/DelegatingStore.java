package vn.egov.sdk.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that passes every call to another, for tests that make one call fail. */
class DelegatingStore implements PaymentStore {
    private final PaymentStore delegate;

    DelegatingStore(PaymentStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void create(PaymentRecord record) {
        delegate.create(record);
    }

    @Override
    public boolean updatePending(PaymentRecord record) {
        return delegate.updatePending(record);
    }

    @Override
    public Optional<PaymentRecord> find(PaymentSystem system, String reference) {
        return delegate.find(system, reference);
    }

    @Override
    public Optional<PaymentRecord> findPending(PaymentSystem system, String dossierCode, long amount) {
        return delegate.findPending(system, dossierCode, amount);
    }

    @Override
    public PaymentRecord findPendingOrCreate(PaymentRecord candidate) {
        return delegate.findPendingOrCreate(candidate);
    }

    @Override
    public ApplyOutcome applyFinalState(PaymentSystem system, String reference, PaymentState state,
            String gatewayTransactionId, Instant at, PaymentEffect effect) {
        return delegate.applyFinalState(system, reference, state, gatewayTransactionId, at, effect);
    }

    @Override
    public List<PaymentRecord> pendingBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore,
            int limit) {
        return delegate.pendingBetween(system, createdFrom, createdBefore, limit);
    }

    @Override
    public List<PaymentRecord> createdBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore) {
        return delegate.createdBetween(system, createdFrom, createdBefore);
    }
}
