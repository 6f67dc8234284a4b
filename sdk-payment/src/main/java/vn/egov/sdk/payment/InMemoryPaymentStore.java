package vn.egov.sdk.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.sdk.core.ValidationException;

/**
 * The default {@link PaymentStore}: records in this JVM's memory, lost when it stops, not shared between
 * application nodes. Each payment's transition to its final state, effect included, runs under that payment's own
 * lock, so concurrent callbacks for one payment run the effect once and callbacks for different payments do not
 * wait for each other.
 */
public final class InMemoryPaymentStore implements PaymentStore {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Object creating = new Object();

    /** Creates an empty store. */
    public InMemoryPaymentStore() {
    }

    private static final class Entry {
        private PaymentRecord record;

        Entry(PaymentRecord record) {
            this.record = record;
        }
    }

    private static String key(PaymentSystem system, String reference) {
        return system.name() + '\u0000' + reference;
    }

    @Override
    public void create(PaymentRecord record) {
        ValidationException.requireNonNull(record, "PaymentStore.record");
        if (record.state() != PaymentState.PENDING) {
            throw ValidationException.of("pending", "PaymentStore.record.state", "a new payment must be pending");
        }
        if (entries.putIfAbsent(key(record.system(), record.reference()), new Entry(record)) != null) {
            throw ValidationException.of("unique", "PaymentStore.record.reference",
                    "a payment with reference " + record.reference() + " already exists on " + record.system());
        }
    }

    @Override
    public boolean updatePending(PaymentRecord record) {
        ValidationException.requireNonNull(record, "PaymentStore.record");
        Entry entry = entries.get(key(record.system(), record.reference()));
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            if (entry.record.state().isFinal() || record.state().isFinal()) {
                return false;
            }
            entry.record = record;
            return true;
        }
    }

    @Override
    public Optional<PaymentRecord> find(PaymentSystem system, String reference) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(reference, "PaymentStore.reference");
        Entry entry = entries.get(key(system, reference));
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.record);
        }
    }

    @Override
    public Optional<PaymentRecord> findPending(PaymentSystem system, String dossierCode, long amount) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(dossierCode, "PaymentStore.dossierCode");
        return snapshot().stream()
                .filter(r -> r.system() == system && r.state() == PaymentState.PENDING
                        && r.dossierCode().equals(dossierCode) && r.amount() == amount)
                .max(Comparator.comparing(PaymentRecord::createdAt));
    }

    @Override
    public PaymentRecord findPendingOrCreate(PaymentRecord candidate) {
        ValidationException.requireNonNull(candidate, "PaymentStore.candidate");
        synchronized (creating) {
            Optional<PaymentRecord> pending = findPending(candidate.system(), candidate.dossierCode(),
                    candidate.amount());
            if (pending.isPresent()) {
                return pending.get();
            }
            create(candidate);
            return candidate;
        }
    }

    @Override
    public ApplyOutcome applyFinalState(PaymentSystem system, String reference, PaymentState state,
            String gatewayTransactionId, Instant at, PaymentEffect effect) {
        PaymentStore.checkFinalState(system, reference, state, at, effect);
        Entry entry = entries.get(key(system, reference));
        if (entry == null) {
            return ApplyOutcome.UNKNOWN_REFERENCE;
        }
        synchronized (entry) {
            if (entry.record.state().isFinal()) {
                return ApplyOutcome.ALREADY_FINAL;
            }
            PaymentRecord updated = entry.record.withFinalState(state, gatewayTransactionId, at);
            try {
                effect.onFinal(updated);
            } catch (Exception e) {
                throw new PaymentEffectException(reference, e);
            }
            entry.record = updated;
            return ApplyOutcome.APPLIED;
        }
    }

    @Override
    public List<PaymentRecord> pendingBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore,
            int limit) {
        if (limit < 1) {
            throw ValidationException.of("positive", "PaymentStore.limit", "the limit must be at least 1, was " + limit);
        }
        return createdBetween(system, createdFrom, createdBefore).stream()
                .filter(r -> r.state() == PaymentState.PENDING).limit(limit).toList();
    }

    @Override
    public List<PaymentRecord> createdBetween(PaymentSystem system, Instant createdFrom, Instant createdBefore) {
        ValidationException.requireNonNull(system, "PaymentStore.system");
        ValidationException.requireNonNull(createdFrom, "PaymentStore.createdFrom");
        ValidationException.requireNonNull(createdBefore, "PaymentStore.createdBefore");
        return snapshot().stream()
                .filter(r -> r.system() == system && !r.createdAt().isBefore(createdFrom)
                        && r.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(PaymentRecord::createdAt).thenComparing(PaymentRecord::reference))
                .toList();
    }

    private List<PaymentRecord> snapshot() {
        List<PaymentRecord> all = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            synchronized (entry) {
                all.add(entry.record);
            }
        }
        return all;
    }
}
