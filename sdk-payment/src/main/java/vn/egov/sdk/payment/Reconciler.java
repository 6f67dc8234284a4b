package vn.egov.sdk.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

/**
 * Recovers payments whose result callback never came (DOMAIN §3.6, §3.7 rule 10): asks the payment system about
 * every payment still pending in a creation window ({@code QUERY} on the DVCQG platform, the detail query on
 * Keypay) and applies each final answer once, through {@link PaymentStore#applyFinalState} with the same
 * {@link PaymentEffect} as the callback handler, so a callback and the reconciler racing for one payment run the
 * effect once. A {@link PaymentState#PENDING} answer ({@code TrangThaiGD 3}: the system does not know yet) is left
 * for a later run. One payment's failed query does not stop the run: it is reported in
 * {@link ReconciliationRun#errors()} and asked about again next time.
 *
 * <p>An answer whose reference or amount differs from the vendor's record is not applied: it is reported as an
 * error (a {@link VerificationException}) for a person to look at, never dropped in silence (§3.7 rule 9).
 *
 * <p><b>Expiry is off by default.</b> Neither national system publishes when an unpaid transaction stops being
 * payable, and a payment the system reports pending may still be paid (a bank that answers late). A payment marked
 * {@link PaymentState#EXPIRED} is final, so a genuine paid callback arriving afterwards would change nothing and
 * the citizen's money would need a manual refund. With {@link ReconcilerBuilder#expireOlderThanWindow(boolean)}
 * on, payments older than the window are asked about once more and expired only when the system still reports
 * them pending; a paid or failed answer is applied as such.
 *
 * <pre>{@code
 * Reconciler reconciler = Reconciler.builder().gateway(client).effect(effect).build();
 * ReconcilerSchedule schedule = reconciler.scheduleEvery(Duration.ofMinutes(33), executor);
 * // ... on shutdown
 * schedule.stop();
 * }</pre>
 *
 * <p>Thread-safe; runs may overlap without applying anything twice.
 */
public final class Reconciler {
    private final PaymentGateway gateway;
    private final PaymentEffect effect;
    private final Clock clock;
    private final Duration oldest;
    private final Duration youngest;
    private final int batchLimit;
    private final boolean expireOlder;

    Reconciler(ReconcilerBuilder b) {
        this.gateway = b.gateway;
        this.effect = b.effect;
        this.clock = b.clock;
        this.oldest = b.oldest;
        this.youngest = b.youngest;
        this.batchLimit = b.batchLimit;
        this.expireOlder = b.expireOlder;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static ReconcilerBuilder builder() {
        return new ReconcilerBuilder();
    }

    /**
     * Asks the system about every pending payment in the window (at most the batch limit, oldest first) and applies
     * each final answer once.
     *
     * @return what the run did
     * @throws vn.egov.sdk.core.EgovException when the store itself could not be read (nothing was applied)
     */
    public ReconciliationRun run() {
        Instant now = clock.instant();
        Instant from = now.minus(oldest);
        Instant before = now.minus(youngest);
        PaymentSystem system = gateway.system();
        PaymentStore store = gateway.store();
        Tally tally = new Tally();
        for (PaymentRecord record : store.pendingBetween(system, from, before, batchLimit)) {
            reconcile(store, record, false, now, tally);
        }
        int room = batchLimit - tally.checked.size();
        if (expireOlder && room > 0) {
            for (PaymentRecord record : store.pendingBetween(system, Instant.EPOCH, from, room)) {
                reconcile(store, record, true, now, tally);
            }
        }
        return new ReconciliationRun(system, now, from, before, tally.checked, tally.paid, tally.failed,
                tally.expired, tally.alreadyFinal, tally.pending, tally.errors);
    }

    /**
     * Runs {@link #run()} on the vendor's executor now and then every {@code interval} after the previous run ends
     * (the DVCQG platform job seen in public code runs every 33 minutes). A run that throws does not end the
     * schedule: the failure is kept in {@link ReconcilerSchedule#lastFailure()}. The reconciler starts no thread of
     * its own.
     *
     * @param interval the delay between the end of one run and the start of the next, above zero
     * @param executor the vendor's executor, which the vendor shuts down
     * @return the handle that stops the schedule
     * @throws ValidationException when the interval is not positive, the executor is missing or refuses the task
     */
    public ReconcilerSchedule scheduleEvery(Duration interval, ScheduledExecutorService executor) {
        ValidationException.requireNonNull(interval, "Reconciler.interval");
        ValidationException.requireNonNull(executor, "Reconciler.executor");
        if (interval.isNegative() || interval.isZero()) {
            throw ValidationException.of("positive", "Reconciler.interval",
                    "the interval must be above zero, was " + interval);
        }
        ReconcilerSchedule schedule = new ReconcilerSchedule();
        Runnable task = () -> {
            try {
                schedule.completed(run());
            } catch (RuntimeException e) {
                schedule.failed(e);
            }
        };
        try {
            schedule.start(executor.scheduleWithFixedDelay(task, 0, toNanos(interval), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            throw ValidationException.of("accepting", "Reconciler.executor",
                    "the executor refused the reconciliation task (shut down?)");
        }
        return schedule;
    }

    private static long toNanos(Duration interval) {
        try {
            return interval.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private void reconcile(PaymentStore store, PaymentRecord record, boolean pastWindow, Instant now, Tally tally) {
        String reference = record.reference();
        tally.checked.add(reference);
        try {
            PaymentStatus status = gateway.query(reference);
            if (status == null) {
                throw new VerificationException("the gateway answered no status for reference " + reference,
                        ErrorDetails.of(Fault.PLATFORM, true), null);
            }
            check(record, status);
            PaymentState target = status.state();
            if (target == PaymentState.PENDING) {
                if (!pastWindow) {
                    tally.pending.add(reference);
                    return;
                }
                target = PaymentState.EXPIRED;
            }
            ApplyOutcome outcome = store.applyFinalState(record.system(), reference, target,
                    status.gatewayTransactionId().orElse(""), now, effect);
            if (outcome == ApplyOutcome.ALREADY_FINAL) {
                tally.alreadyFinal.add(reference);
            } else if (outcome == ApplyOutcome.UNKNOWN_REFERENCE) {
                throw ValidationException.of("known", "Reconciler.reference",
                        "the store no longer holds a payment with reference " + reference);
            } else {
                tally.applied(target, reference);
            }
        } catch (RuntimeException e) {
            tally.errors.put(reference, e);
        }
    }

    private static void check(PaymentRecord record, PaymentStatus status) {
        if (!record.reference().equals(status.reference())) {
            throw new VerificationException("the system answered about reference " + status.reference()
                    + " when asked about " + record.reference() + "; not applied",
                    ErrorDetails.of(Fault.VERIFICATION, false), null);
        }
        if (status.amount().isPresent() && status.amount().getAsLong() != record.amount()) {
            throw new VerificationException("the system reports " + status.amount().getAsLong()
                    + " VND for reference " + record.reference() + ", the vendor's record " + record.amount()
                    + " VND; not applied, a case for a person (refund or correction)",
                    ErrorDetails.of(Fault.VERIFICATION, false), null);
        }
    }

    private static final class Tally {
        final List<String> checked = new ArrayList<>();
        final List<String> paid = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final List<String> expired = new ArrayList<>();
        final List<String> alreadyFinal = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        final Map<String, RuntimeException> errors = new LinkedHashMap<>();

        void applied(PaymentState state, String reference) {
            switch (state) {
                case PAID -> paid.add(reference);
                case FAILED -> failed.add(reference);
                default -> expired.add(reference);
            }
        }
    }
}
