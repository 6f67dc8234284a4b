package vn.egov.sdk.spring.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.egov.sdk.payment.Reconciler;
import vn.egov.sdk.payment.ReconcilerSchedule;
import vn.egov.sdk.payment.ReconciliationRun;

/**
 * The SDK's {@link Reconciler}s, one per payment system that can be asked about a payment, run every
 * {@code egov.payment.reconcile.interval} while the application context runs: each asks its system about the
 * payments still pending in the window and applies a paid or failed answer once, through the same store transition
 * and the same {@link PaymentResultListener}s as the callbacks, so a callback and the reconciler racing each other
 * apply once. Started with the context on one daemon thread of its own, stopped (that thread ended) with it.
 */
public final class PaymentReconciliation implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final List<Reconciler> reconcilers;
    private final Duration interval;
    private final List<ReconcilerSchedule> schedules = new ArrayList<>();
    private ScheduledExecutorService executor;

    /**
     * Creates the lifecycle.
     *
     * @param reconcilers the reconcilers, one per system
     * @param interval the delay between the end of one run and the start of the next
     */
    public PaymentReconciliation(List<Reconciler> reconcilers, Duration interval) {
        this.reconcilers = List.copyOf(reconcilers);
        this.interval = interval;
    }

    /**
     * Runs every reconciler once now, on the caller's thread (an operator's "reconcile now").
     *
     * @return what each run did
     */
    public List<ReconciliationRun> runNow() {
        return reconcilers.stream().map(Reconciler::run).toList();
    }

    /**
     * The last completed scheduled run of each reconciler that has completed one.
     *
     * @return the runs
     */
    public synchronized List<ReconciliationRun> lastRuns() {
        return schedules.stream().flatMap(s -> s.lastRun().stream()).toList();
    }

    @Override
    public synchronized void start() {
        if (executor != null || reconcilers.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "egov-payment-reconciler");
            t.setDaemon(true);
            return t;
        });
        for (Reconciler reconciler : reconcilers) {
            schedules.add(reconciler.scheduleEvery(interval, executor));
        }
        LOG.info("egov payment reconciliation started: {} system(s), every {}", reconcilers.size(), interval);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        schedules.forEach(ReconcilerSchedule::close);
        schedules.clear();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        LOG.info("egov payment reconciliation stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
