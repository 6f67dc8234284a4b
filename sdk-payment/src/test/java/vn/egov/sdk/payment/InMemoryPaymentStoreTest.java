package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class InMemoryPaymentStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");
    private final InMemoryPaymentStore store = new InMemoryPaymentStore();

    private PaymentRecord record(String reference, String dossier, long amount, Instant at) {
        return PaymentRecord.pending(PaymentSystem.DVCQG_PAYMENT_PLATFORM, reference,
                PaymentOrder.of(dossier, amount, "Lệ phí"), at, "20261206100000", Map.of());
    }

    @Test
    void concurrentCallbacksRunTheEffectOnce() throws Exception {
        store.create(record("R1", "H01.1", 50_000, T0));
        AtomicInteger effects = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApplyOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return store.applyFinalState(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R1", PaymentState.PAID, "G1",
                        T0.plusSeconds(5), p -> effects.incrementAndGet());
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<ApplyOutcome> f : outcomes) {
            if (f.get(10, TimeUnit.SECONDS) == ApplyOutcome.APPLIED) {
                applied++;
            }
        }
        pool.shutdown();
        assertEquals(1, applied);
        assertEquals(1, effects.get());
        PaymentRecord r = store.find(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R1").orElseThrow();
        assertEquals(PaymentState.PAID, r.state());
        assertEquals("G1", r.gatewayTransactionId().orElseThrow());
    }

    @Test
    void aFailedEffectLeavesThePaymentPendingForTheNextTry() {
        store.create(record("R2", "H01.2", 50_000, T0));
        PaymentEffectException e = assertThrows(PaymentEffectException.class, () -> store.applyFinalState(
                PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R2", PaymentState.PAID, "G2", T0, p -> {
                    throw new IllegalStateException("database down");
                }));
        assertTrue(e.getMessage().contains("database down"), e.getMessage());
        assertEquals(PaymentState.PENDING,
                store.find(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R2").orElseThrow().state());
        assertEquals(ApplyOutcome.APPLIED, store.applyFinalState(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "R2",
                PaymentState.PAID, "G2", T0, PaymentEffect.none()));
    }

    @Test
    void unknownReferencesAndDuplicatesAreReported() {
        assertEquals(ApplyOutcome.UNKNOWN_REFERENCE, store.applyFinalState(PaymentSystem.PAYGOV, "nope",
                PaymentState.PAID, "", T0, PaymentEffect.none()));
        store.create(record("R3", "H01.3", 10_000, T0));
        ValidationException dup = assertThrows(ValidationException.class,
                () -> store.create(record("R3", "H01.3", 10_000, T0)));
        assertEquals("PaymentStore.record.reference", dup.errors().get(0).path());
        assertThrows(ValidationException.class, () -> store.applyFinalState(PaymentSystem.DVCQG_PAYMENT_PLATFORM,
                "R3", PaymentState.PENDING, "", T0, PaymentEffect.none()));
    }

    @Test
    void windowsAndRetriesFindTheRightRecords() {
        store.create(record("A", "H01.9", 10_000, T0));
        store.create(record("B", "H01.9", 10_000, T0.plusSeconds(60)));
        store.create(record("C", "H01.9", 20_000, T0.plusSeconds(120)));
        store.applyFinalState(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "A", PaymentState.FAILED, "", T0,
                PaymentEffect.none());
        assertEquals("B", store.findPending(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "H01.9", 10_000)
                .orElseThrow().reference());
        assertEquals(List.of("B", "C"), store.pendingBetween(PaymentSystem.DVCQG_PAYMENT_PLATFORM, T0,
                T0.plusSeconds(3600), 10).stream().map(PaymentRecord::reference).toList());
        assertEquals(List.of("A", "B"), store.createdBetween(PaymentSystem.DVCQG_PAYMENT_PLATFORM, T0,
                T0.plusSeconds(120)).stream().map(PaymentRecord::reference).toList());
        assertTrue(store.createdBetween(PaymentSystem.PAYGOV, T0, T0.plusSeconds(3600)).isEmpty());
    }
}
