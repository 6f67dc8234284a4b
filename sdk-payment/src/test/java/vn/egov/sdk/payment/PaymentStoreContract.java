package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

/**
 * What every {@link PaymentStore} must do, as tests: extend this class in a store's own test, return a new empty
 * store from {@link #newStore()}, and run it. Published in sdk-payment's test-jar (classifier {@code tests}) so a
 * store on a database runs the same tests as {@link InMemoryPaymentStore}.
 */
public abstract class PaymentStoreContract {
    /** A creation time the tests count from. */
    protected static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");
    private static final PaymentSystem DVCQG = PaymentSystem.DVCQG_PAYMENT_PLATFORM;

    /** The store under test, new for each test. */
    protected PaymentStore store;

    /**
     * A new, empty store.
     *
     * @return the store
     */
    protected abstract PaymentStore newStore();

    /** Creates the store under test. */
    @BeforeEach
    public void createStore() {
        store = newStore();
    }

    /**
     * A pending record for the tests.
     *
     * @param system the system
     * @param reference the reference
     * @param dossier the dossier
     * @param amount the amount
     * @param at the creation time
     * @return the record
     */
    protected static PaymentRecord record(PaymentSystem system, String reference, String dossier, long amount,
            Instant at) {
        return PaymentRecord.pending(system, reference, PaymentOrder.of(dossier, amount, "Lệ phí cấp phép"), at,
                "20261206100000", Map.of("orderId", "000.00.00.G17-" + dossier + "-01"));
    }

    private PaymentRecord create(String reference, String dossier, long amount, Instant at) {
        PaymentRecord r = record(DVCQG, reference, dossier, amount, at);
        store.create(r);
        return r;
    }

    private PaymentState state(String reference) {
        return store.find(DVCQG, reference).orElseThrow().state();
    }

    /** A created record is found as it was written, attributes included. */
    @Test
    public void aCreatedRecordIsFoundAsWritten() {
        PaymentRecord r = create("R1", "H01.1", 50_000, T0);
        assertEquals(Optional.of(r), store.find(DVCQG, "R1"));
        assertEquals("000.00.00.G17-H01.1-01", store.find(DVCQG, "R1").orElseThrow().attributes().get("orderId"));
        assertTrue(store.find(DVCQG, "nope").isEmpty());
        assertTrue(store.find(PaymentSystem.PAYGOV, "R1").isEmpty(), "references are per system");
    }

    /** A second record with the same system and reference is refused; another system may use it. */
    @Test
    public void aDuplicateReferenceIsRefusedPerSystem() {
        create("R1", "H01.1", 50_000, T0);
        assertThrows(ValidationException.class, () -> store.create(record(DVCQG, "R1", "H01.2", 10_000, T0)));
        assertEquals(50_000, store.find(DVCQG, "R1").orElseThrow().amount(), "the first record stays");
        store.create(record(PaymentSystem.PAYGOV, "R1", "H01.2", 10_000, T0));
        assertEquals(10_000, store.find(PaymentSystem.PAYGOV, "R1").orElseThrow().amount());
    }

    /** A pending record is replaced; an unknown or final one is not. */
    @Test
    public void updatePendingReplacesOnlyPendingRecords() {
        PaymentRecord r = create("R1", "H01.1", 50_000, T0);
        PaymentRecord withUrl = r.withRedirectUrl(URI.create("https://pay.example/p/R1"));
        assertTrue(store.updatePending(withUrl));
        assertEquals(withUrl, store.find(DVCQG, "R1").orElseThrow());
        assertFalse(store.updatePending(record(DVCQG, "unknown", "H01.9", 1_000, T0)));

        store.applyFinalState(DVCQG, "R1", PaymentState.PAID, "G1", T0.plusSeconds(5), PaymentEffect.none());
        assertFalse(store.updatePending(withUrl.withRedirectUrl(URI.create("https://pay.example/other"))));
        PaymentRecord after = store.find(DVCQG, "R1").orElseThrow();
        assertEquals(PaymentState.PAID, after.state());
        assertEquals(URI.create("https://pay.example/p/R1"), after.redirectUrl().orElseThrow());
    }

    /** A retried creation finds the newest pending payment of the dossier for the same amount. */
    @Test
    public void findPendingReturnsTheNewestPendingOfTheDossierAndAmount() {
        create("A", "H01.9", 10_000, T0);
        create("B", "H01.9", 10_000, T0.plusSeconds(60));
        create("C", "H01.9", 20_000, T0.plusSeconds(120));
        create("D", "H01.8", 10_000, T0.plusSeconds(180));
        store.create(record(PaymentSystem.KEYPAY_DVCQG, "E", "H01.9", 10_000, T0.plusSeconds(240)));
        assertEquals("B", store.findPending(DVCQG, "H01.9", 10_000).orElseThrow().reference());
        store.applyFinalState(DVCQG, "B", PaymentState.FAILED, "", T0, PaymentEffect.none());
        assertEquals("A", store.findPending(DVCQG, "H01.9", 10_000).orElseThrow().reference());
        store.applyFinalState(DVCQG, "A", PaymentState.PAID, "", T0, PaymentEffect.none());
        assertTrue(store.findPending(DVCQG, "H01.9", 10_000).isEmpty());
        assertTrue(store.findPending(DVCQG, "H01.7", 10_000).isEmpty());
    }

    /** Creations of one dossier's payment racing each other end up with one payment and one reference. */
    @Test
    public void racingCreationsOfOneDossierMakeOnePayment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentRecord>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String reference = "RACE-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return store.findPendingOrCreate(record(DVCQG, reference, "H01.RACE", 30_000, T0));
            }));
        }
        start.countDown();
        List<String> references = new ArrayList<>();
        for (Future<PaymentRecord> f : results) {
            references.add(f.get(10, TimeUnit.SECONDS).reference());
        }
        pool.shutdown();
        assertEquals(1, references.stream().distinct().count(), references.toString());
        assertEquals(1, store.createdBetween(DVCQG, T0, T0.plusSeconds(1)).size());
        // once that payment is final, the next creation is a new payment
        store.applyFinalState(DVCQG, references.get(0), PaymentState.FAILED, "", T0, PaymentEffect.none());
        assertEquals("RACE-NEXT", store.findPendingOrCreate(record(DVCQG, "RACE-NEXT", "H01.RACE", 30_000, T0))
                .reference());
    }

    /** The final state is applied once: the effect sees the final record, a repeat changes nothing. */
    @Test
    public void aFinalStateIsAppliedOnce() {
        create("R1", "H01.1", 50_000, T0);
        List<PaymentRecord> seen = new ArrayList<>();
        Instant at = T0.plusSeconds(30);
        assertEquals(ApplyOutcome.APPLIED,
                store.applyFinalState(DVCQG, "R1", PaymentState.PAID, "GD-1", at, seen::add));
        assertEquals(1, seen.size());
        assertEquals(PaymentState.PAID, seen.get(0).state());
        assertEquals("GD-1", seen.get(0).gatewayTransactionId().orElseThrow());
        assertEquals(ApplyOutcome.ALREADY_FINAL,
                store.applyFinalState(DVCQG, "R1", PaymentState.FAILED, "GD-2", at.plusSeconds(1), seen::add));
        assertEquals(1, seen.size());
        PaymentRecord stored = store.find(DVCQG, "R1").orElseThrow();
        assertEquals(PaymentState.PAID, stored.state());
        assertEquals("GD-1", stored.gatewayTransactionId().orElseThrow());
        assertEquals(at, stored.updatedAt());
        assertEquals(T0, stored.createdAt());
        assertEquals(ApplyOutcome.UNKNOWN_REFERENCE,
                store.applyFinalState(PaymentSystem.PAYGOV, "R1", PaymentState.PAID, "", at, seen::add));
        assertEquals(1, seen.size());
    }

    /** Pending is not a final state. */
    @Test
    public void pendingIsRefusedAsAFinalState() {
        create("R1", "H01.1", 50_000, T0);
        assertThrows(ValidationException.class, () -> store.applyFinalState(DVCQG, "R1", PaymentState.PENDING, "",
                T0, PaymentEffect.none()));
        assertEquals(PaymentState.PENDING, state("R1"));
    }

    /**
     * Many threads applying one payment run the effect once.
     *
     * @throws Exception when a thread fails
     */
    @Test
    public void concurrentApplicationsRunTheEffectOnce() throws Exception {
        create("R1", "H01.1", 50_000, T0);
        AtomicInteger effects = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApplyOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                PaymentState state = i % 2 == 0 ? PaymentState.PAID : PaymentState.FAILED;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return store.applyFinalState(DVCQG, "R1", state, "G1", T0.plusSeconds(5),
                            p -> effects.incrementAndGet());
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<ApplyOutcome> f : outcomes) {
                if (f.get(30, TimeUnit.SECONDS) == ApplyOutcome.APPLIED) {
                    applied++;
                }
            }
            assertEquals(1, applied);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, effects.get());
        assertTrue(state("R1").isFinal());
    }

    /**
     * One payment's slow effect does not hold back another payment.
     *
     * @throws Exception when a thread fails
     */
    @Test
    public void differentPaymentsDoNotWaitForEachOther() throws Exception {
        create("SLOW", "H01.1", 50_000, T0);
        create("FAST", "H01.2", 50_000, T0);
        CountDownLatch inSlowEffect = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ApplyOutcome> slow = pool.submit(() -> store.applyFinalState(DVCQG, "SLOW", PaymentState.PAID,
                    "", T0, p -> {
                        inSlowEffect.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }));
            assertTrue(inSlowEffect.await(30, TimeUnit.SECONDS));
            assertEquals(ApplyOutcome.APPLIED, store.applyFinalState(DVCQG, "FAST", PaymentState.PAID, "", T0,
                    PaymentEffect.none()));
            release.countDown();
            assertEquals(ApplyOutcome.APPLIED, slow.get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** An effect that throws leaves the payment pending, so the next try applies it. */
    @Test
    public void aFailedEffectLeavesThePaymentPending() {
        create("R2", "H01.2", 50_000, T0);
        PaymentEffectException e = assertThrows(PaymentEffectException.class, () -> store.applyFinalState(
                DVCQG, "R2", PaymentState.PAID, "G2", T0, p -> {
                    throw new IllegalStateException("database down");
                }));
        assertTrue(e.getMessage().contains("database down"), e.getMessage());
        PaymentRecord r = store.find(DVCQG, "R2").orElseThrow();
        assertEquals(PaymentState.PENDING, r.state());
        assertTrue(r.gatewayTransactionId().isEmpty(), "nothing of the failed try is kept");
        assertEquals(1, store.pendingBetween(DVCQG, T0, T0.plusSeconds(1), 10).size());
        assertEquals(ApplyOutcome.APPLIED, store.applyFinalState(DVCQG, "R2", PaymentState.PAID, "G2", T0,
                PaymentEffect.none()));
    }

    /** Windows start inclusive, end exclusive, run oldest first, keep to their system, and pending ones to a limit. */
    @Test
    public void windowsHaveExactEdgesAndOrder() {
        create("BEFORE", "H1", 1_000, T0.minusMillis(1));
        create("FIRST", "H1", 1_000, T0);
        create("THIRD", "H1", 1_000, T0.plusSeconds(120));
        create("SECOND", "H1", 1_000, T0.plusSeconds(60));
        create("DONE", "H1", 1_000, T0.plusSeconds(90));
        create("AT_END", "H1", 1_000, T0.plusSeconds(3600));
        store.create(record(PaymentSystem.PAYGOV, "OTHER", "H1", 1_000, T0.plusSeconds(10)));
        store.applyFinalState(DVCQG, "DONE", PaymentState.PAID, "", T0, PaymentEffect.none());
        Instant end = T0.plusSeconds(3600);

        assertEquals(List.of("FIRST", "SECOND", "THIRD"), refs(store.pendingBetween(DVCQG, T0, end, 10)));
        assertEquals(List.of("FIRST", "SECOND"), refs(store.pendingBetween(DVCQG, T0, end, 2)));
        assertEquals(List.of("FIRST", "SECOND", "DONE", "THIRD"), refs(store.createdBetween(DVCQG, T0, end)));
        assertEquals(List.of("OTHER"), refs(store.createdBetween(PaymentSystem.PAYGOV, T0, end)));
        assertTrue(store.createdBetween(PaymentSystem.KEYPAY_DVCQG, T0, end).isEmpty());
        assertTrue(store.pendingBetween(DVCQG, end, end, 10).isEmpty());
    }

    private static List<String> refs(List<PaymentRecord> records) {
        return records.stream().map(PaymentRecord::reference).toList();
    }
}
