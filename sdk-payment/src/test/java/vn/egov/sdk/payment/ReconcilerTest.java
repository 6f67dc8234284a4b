package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

class ReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final PaymentSystem DVCQG = PaymentSystem.DVCQG_PAYMENT_PLATFORM;

    private final InMemoryPaymentStore store = new InMemoryPaymentStore();
    private final FakePaymentGateway gateway = new FakePaymentGateway(store);
    private final List<PaymentRecord> effects = new ArrayList<>();
    private final PaymentEffect effect = p -> {
        synchronized (effects) {
            effects.add(p);
        }
    };

    private void pending(String reference, Instant createdAt) {
        store.create(PaymentRecord.pending(DVCQG, reference, PaymentOrder.of("H01." + reference, 75_000, "Lệ phí"),
                createdAt, "20261206100000", Map.of()));
    }

    private ReconcilerBuilder reconciler() {
        return Reconciler.builder().gateway(gateway).effect(effect).clock(new ManualClock(NOW));
    }

    private PaymentState state(String reference) {
        return store.find(DVCQG, reference).orElseThrow().state();
    }

    @Test
    void aPaymentWhoseCallbackNeverCameIsFoundAndAppliedOnce() {
        pending("P1", NOW.minus(Duration.ofHours(2)));
        pending("F1", NOW.minus(Duration.ofHours(3)));
        gateway.answer("P1", PaymentState.PAID, "GD-1").answer("F1", PaymentState.FAILED, "GD-2");
        Reconciler reconciler = reconciler().build();

        ReconciliationRun run = reconciler.run();
        assertEquals(List.of("F1", "P1"), run.checked(), "oldest first");
        assertEquals(List.of("P1"), run.appliedPaid());
        assertEquals(List.of("F1"), run.appliedFailed());
        assertTrue(run.isClean());
        assertEquals(PaymentState.PAID, state("P1"));
        assertEquals("GD-1", store.find(DVCQG, "P1").orElseThrow().gatewayTransactionId().orElseThrow());
        assertEquals(PaymentState.FAILED, state("F1"));
        assertEquals(2, effects.size());
        assertEquals(NOW, store.find(DVCQG, "P1").orElseThrow().updatedAt());

        ReconciliationRun again = reconciler.run();
        assertEquals(List.of(), again.checked(), "final payments are not asked about again");
        assertEquals(2, effects.size());
    }

    @Test
    void aPaymentTheSystemDoesNotKnowYetStaysPendingForTheNextRun() {
        pending("W1", NOW.minus(Duration.ofHours(1)));
        Reconciler reconciler = reconciler().build();
        ReconciliationRun run = reconciler.run();
        assertEquals(List.of("W1"), run.stillPending());
        assertEquals(0, run.appliedCount());
        assertEquals(PaymentState.PENDING, state("W1"));
        assertTrue(effects.isEmpty());

        gateway.answer("W1", PaymentState.PAID, "GD-9");
        assertEquals(List.of("W1"), reconciler.run().appliedPaid());
        assertEquals(1, effects.size());
    }

    @Test
    void oneFailedQueryDoesNotStopTheOthers() {
        pending("A", NOW.minus(Duration.ofHours(4)));
        pending("B", NOW.minus(Duration.ofHours(3)));
        pending("C", NOW.minus(Duration.ofHours(2)));
        gateway.answer("A", PaymentState.PAID, "GA").unreachable("B").answer("C", PaymentState.PAID, "GC");

        ReconciliationRun run = reconciler().build().run();
        assertEquals(List.of("A", "C"), run.appliedPaid());
        assertEquals(List.of("B"), List.copyOf(run.errors().keySet()));
        assertInstanceOf(PlatformException.class, run.errors().get("B"));
        assertEquals(PaymentState.PENDING, state("B"));
        assertEquals(2, effects.size());
    }

    @Test
    void aFailedEffectIsReportedAndTheNextRunAppliesIt() {
        pending("E", NOW.minus(Duration.ofHours(1)));
        gateway.answer("E", PaymentState.PAID, "GE");
        AtomicInteger calls = new AtomicInteger();
        Reconciler reconciler = Reconciler.builder().gateway(gateway).clock(new ManualClock(NOW)).effect(p -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("dossier service down");
                    }
                }).build();
        ReconciliationRun first = reconciler.run();
        assertInstanceOf(PaymentEffectException.class, first.errors().get("E"));
        assertEquals(PaymentState.PENDING, state("E"));
        assertEquals(List.of("E"), reconciler.run().appliedPaid());
        assertEquals(2, calls.get());
    }

    @Test
    void anAnswerWithAnotherAmountOrReferenceIsNotApplied() {
        pending("M1", NOW.minus(Duration.ofHours(1)));
        pending("M2", NOW.minus(Duration.ofHours(1)));
        gateway.answer("M1", ref -> new PaymentStatus(ref, PaymentState.PAID, Optional.of("G"),
                OptionalLong.of(7_500), "1"));
        gateway.answer("M2", ref -> new PaymentStatus("OTHER", PaymentState.PAID, Optional.of("G"),
                OptionalLong.empty(), "1"));
        ReconciliationRun run = reconciler().build().run();
        VerificationException amount = assertInstanceOf(VerificationException.class, run.errors().get("M1"));
        assertTrue(amount.getMessage().contains("7500") && amount.getMessage().contains("75000"),
                amount.getMessage());
        assertInstanceOf(VerificationException.class, run.errors().get("M2"));
        assertEquals(PaymentState.PENDING, state("M1"));
        assertEquals(PaymentState.PENDING, state("M2"));
        assertTrue(effects.isEmpty());
    }

    @Test
    void theWindowIsThreeDaysToThirtyMinutesOldByDefault() {
        pending("OLD_EDGE", NOW.minus(Duration.ofDays(3)));
        pending("TOO_OLD", NOW.minus(Duration.ofDays(3)).minusMillis(1));
        pending("YOUNG_EDGE", NOW.minus(Duration.ofMinutes(30)).minusMillis(1));
        pending("TOO_YOUNG", NOW.minus(Duration.ofMinutes(30)));
        ReconciliationRun run = reconciler().build().run();
        assertEquals(List.of("OLD_EDGE", "YOUNG_EDGE"), run.checked());
        assertEquals(NOW.minus(Duration.ofDays(3)), run.windowFrom());
        assertEquals(NOW.minus(Duration.ofMinutes(30)), run.windowBefore());
        assertEquals(PaymentState.PENDING, state("TOO_OLD"), "expiry is off by default");
    }

    @Test
    void aCustomWindowAndBatchLimitApply() {
        for (int i = 0; i < 5; i++) {
            pending("B" + i, NOW.minus(Duration.ofMinutes(20 - i)));
        }
        ReconciliationRun run = reconciler().window(Duration.ofMinutes(30), Duration.ofMinutes(5)).batchLimit(3)
                .build().run();
        assertEquals(List.of("B0", "B1", "B2"), run.checked());
        assertEquals(3, gateway.queries.get());
    }

    @Test
    void expiryWhenConfiguredAsksFirstAndExpiresOnlyWhatIsStillPending() {
        pending("STALE", NOW.minus(Duration.ofDays(4)));
        pending("LATE_PAID", NOW.minus(Duration.ofDays(5)));
        gateway.answer("LATE_PAID", PaymentState.PAID, "GL");
        ReconciliationRun run = reconciler().expireOlderThanWindow(true).build().run();
        assertEquals(List.of("STALE"), run.expired());
        assertEquals(List.of("LATE_PAID"), run.appliedPaid());
        assertEquals(PaymentState.EXPIRED, state("STALE"));
        assertEquals(PaymentState.PAID, state("LATE_PAID"));
        assertEquals(2, effects.size());
    }

    @Test
    void aCallbackThatWinsTheRaceIsNotAppliedAgain() throws Exception {
        pending("R", NOW.minus(Duration.ofHours(1)));
        CountDownLatch queried = new CountDownLatch(1);
        CountDownLatch callbackDone = new CountDownLatch(1);
        gateway.answer("R", ref -> {
            queried.countDown();
            await(callbackDone);
            return new PaymentStatus(ref, PaymentState.PAID, Optional.of("GR"), OptionalLong.of(75_000), "1");
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ReconciliationRun> run = pool.submit(reconciler().build()::run);
            assertTrue(queried.await(10, TimeUnit.SECONDS));
            CallbackOutcome outcome = gateway.handleCallback("R|PAID|GR|75000".getBytes(StandardCharsets.UTF_8),
                    effect, NOW);
            callbackDone.countDown();
            assertEquals(CallbackOutcome.Result.APPLIED, outcome.result());
            assertEquals(List.of("R"), run.get(10, TimeUnit.SECONDS).alreadyFinal());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, effects.size());
    }

    @Test
    void concurrentCallbacksAndRunsApplyEachPaymentOnce() throws Exception {
        int payments = 40;
        for (int i = 0; i < payments; i++) {
            pending("C" + i, NOW.minus(Duration.ofMinutes(40 + i)));
            gateway.answer("C" + i, PaymentState.PAID, "G" + i);
        }
        Reconciler reconciler = reconciler().build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier start = new CyclicBarrier(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                tasks.add(pool.submit(() -> {
                    start.await();
                    return reconciler.run();
                }));
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = payments - 1; i >= 0; i--) {
                        gateway.handleCallback(("C" + i + "|PAID|G" + i + "|75000").getBytes(StandardCharsets.UTF_8),
                                effect, NOW);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(payments, effects.size());
        assertEquals(payments, effects.stream().map(PaymentRecord::reference).distinct().count());
    }

    @Test
    void theScheduleRunsOnTheVendorsExecutorUntilStopped() throws Exception {
        pending("S", NOW.minus(Duration.ofHours(1)));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ReconcilerSchedule schedule = reconciler().build().scheduleEvery(Duration.ofMillis(20), executor);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gateway.queries.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(gateway.queries.get() >= 3, "runs repeat");
            assertEquals(List.of("S"), schedule.lastRun().orElseThrow().stillPending());
            schedule.stop();
            assertTrue(schedule.isStopped());
            Thread.sleep(100);
            int after = gateway.queries.get();
            Thread.sleep(100);
            assertEquals(after, gateway.queries.get(), "no run after stop");
            assertTrue(!executor.isShutdown(), "the executor stays the vendor's");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRunThatThrowsDoesNotEndTheSchedule() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            PaymentStore failing = new DelegatingStore(store) {
                @Override
                public List<PaymentRecord> pendingBetween(PaymentSystem system, Instant from, Instant before,
                        int limit) {
                    if (reads.incrementAndGet() == 1) {
                        throw new IllegalStateException("database unavailable");
                    }
                    return super.pendingBetween(system, from, before, limit);
                }
            };
            FakePaymentGateway g = new FakePaymentGateway(failing);
            ReconcilerSchedule schedule = Reconciler.builder().gateway(g).effect(effect).build()
                    .scheduleEvery(Duration.ofMillis(10), executor);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (schedule.lastRun().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(schedule.lastRun().isPresent(), "the schedule went on after a failed run");
            assertTrue(reads.get() >= 2);
            assertTrue(schedule.lastFailure().isEmpty(), "cleared by the run that completed");
            schedule.close();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void badConfigurationIsATypedError() {
        assertEquals("Reconciler.gateway", assertThrows(ValidationException.class,
                () -> Reconciler.builder().effect(effect).build()).errors().get(0).path());
        assertEquals("Reconciler.effect", assertThrows(ValidationException.class,
                () -> Reconciler.builder().gateway(gateway).build()).errors().get(0).path());
        assertEquals("Reconciler.window.oldest", assertThrows(ValidationException.class,
                () -> Reconciler.builder().window(Duration.ofMinutes(5), Duration.ofMinutes(5))).errors().get(0)
                .path());
        assertEquals("Reconciler.gateway", assertThrows(ValidationException.class,
                () -> Reconciler.builder().gateway(null)).errors().get(0).path());
        assertEquals("Reconciler.effect", assertThrows(ValidationException.class,
                () -> Reconciler.builder().effect(null)).errors().get(0).path());
        assertEquals("Reconciler.clock", assertThrows(ValidationException.class,
                () -> Reconciler.builder().clock(null)).errors().get(0).path());
        assertEquals("Reconciler.window.oldest", assertThrows(ValidationException.class,
                () -> Reconciler.builder().window(null, Duration.ZERO)).errors().get(0).path());
        assertEquals("Reconciler.window.youngest", assertThrows(ValidationException.class,
                () -> Reconciler.builder().window(Duration.ofDays(1), Duration.ofMinutes(-1))).errors().get(0)
                .path());
        assertEquals("Reconciler.batchLimit", assertThrows(ValidationException.class,
                () -> Reconciler.builder().batchLimit(0)).errors().get(0).path());
        Reconciler reconciler = reconciler().build();
        ScheduledExecutorService shut = Executors.newSingleThreadScheduledExecutor();
        shut.shutdown();
        assertEquals("Reconciler.interval", assertThrows(ValidationException.class,
                () -> reconciler.scheduleEvery(Duration.ZERO, shut)).errors().get(0).path());
        assertEquals("Reconciler.executor", assertThrows(ValidationException.class,
                () -> reconciler.scheduleEvery(Duration.ofMinutes(33), shut)).errors().get(0).path());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
