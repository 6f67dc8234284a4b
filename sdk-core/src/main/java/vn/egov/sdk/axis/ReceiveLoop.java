package vn.egov.sdk.axis;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.internal.ReceiveLoopPoller;
import vn.egov.sdk.axis.internal.ReceiveLoopScheduler;

/**
 * Receives packages from a {@link DocumentAxisClient} and hands each to the vendor's {@link PackageHandler} (and
 * status packages to a {@link StatusEventListener}) at least once, deduplicated by axis {@code docId} through a
 * {@link CheckpointStore}.
 *
 * <pre>{@code
 * try (ReceiveLoop loop = ReceiveLoop.builder(axis, FileCheckpointStore.open(path), pkg -> inbox.save(pkg))
 *         .statusListener(e -> outbox.recordStatus(e.responseFor().documentId(), e.status()))
 *         .build()) {
 *     loop.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>One poll ({@link #pollOnce()}) lists {@link MessageType#EDOC} packages, then {@link MessageType#STATUS}
 * packages (only when a status listener is set; otherwise they stay on the axis), and for each listed docId:
 * <ol>
 *   <li><b>No entry, or {@link CheckpointState#FAILED}:</b> fetch → hand over (a {@code StatusPackage} to the
 *       listener as a {@link StatusEvent}, anything else to the handler) → {@code markHandled} → ack
 *       {@link TransportAck#DONE} → {@code markDone}.</li>
 *   <li><b>Handler or listener throws</b> (or the fetch fails with anything but a transport error, for example a
 *       malformed package): {@code markFailed}, <em>no ack at all</em>, so the axis keeps offering it and the next
 *       poll hands it over again. With {@link Builder#maxAttempts(int)} set, the package is given up after that
 *       many failures: {@code markGivenUp}, then ack {@link TransportAck#FAIL}; it is never handed over again.
 *       By default the loop never gives up.</li>
 *   <li><b>{@link CheckpointState#HANDLED}</b> (a crash or a failed ack after the handler succeeded): the
 *       handler is <em>not</em> called again; only the ack {@code done} is sent again, then {@code markDone}.</li>
 *   <li><b>{@link CheckpointState#DONE}</b> (the axis lists an acknowledged package again): never handed over
 *       again; the ack {@code done} is repeated (idempotent) unless the list already shows it as {@code done}.
 *       {@link CheckpointState#GAVE_UP} likewise with {@code fail}.</li>
 * </ol>
 * A {@link vn.egov.sdk.core.TransportException} from any axis call ends the poll and is thrown: what happened
 * before is checkpointed, and an ack whose outcome is unknown is sent again next time. Other axis refusals of one
 * ack are counted as failed and retried on the next poll.
 *
 * <p>So: a package whose ack {@code done} succeeded is never handed over twice, while the store keeps its entry
 * (see the store's retention). A package is handed over twice only if the process dies after the handler
 * returned and before {@code markHandled} was durable: handlers must be idempotent by docId (inbox pattern).
 *
 * <p>Polls never overlap: {@link #pollOnce()} waits for a running poll to end. {@link #start()} polls in the
 * background with a fixed delay between polls, backing off exponentially after a failed poll (any exception,
 * transport or not, is logged and the loop goes on). {@link #close()} stops it; it does not close the client or
 * the store.
 */
public final class ReceiveLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.receive");

    private final ReceiveLoopPoller poller;
    private final ReceiveLoopScheduler scheduler;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Duration closeTimeout;
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile boolean closed;

    ReceiveLoop(ReceiveLoopBuilder b) {
        this.poller = new ReceiveLoopPoller(b.client, b.store, b.handler, b.listener, b.maxAttempts);
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? defaultExecutor() : b.executor;
        this.closeTimeout = b.closeTimeout;
        this.scheduler = new ReceiveLoopScheduler(this::backgroundPoll, executor, b.interval, b.maxBackoff);
    }

    /**
     * A builder.
     *
     * @param client the axis to receive from
     * @param store the checkpoints (shared by no other loop)
     * @param handler the vendor's handler of document packages
     * @return the builder
     * @throws vn.egov.sdk.core.ValidationException naming the missing argument
     */
    public static Builder builder(DocumentAxisClient client, CheckpointStore store, PackageHandler handler) {
        return new ReceiveLoopBuilder(client, store, handler);
    }

    /**
     * Polls once, now, on the calling thread (waiting for a background poll that is running).
     *
     * @return what happened
     * @throws vn.egov.sdk.core.TransportException if the axis could not be reached; earlier work is kept
     * @throws IllegalStateException if the loop is closed
     */
    public PollResult pollOnce() {
        pollLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("receive loop is closed");
            }
            return poller.poll();
        } finally {
            pollLock.unlock();
        }
    }

    /**
     * Starts polling in the background: the first poll right away, then after the configured interval.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        if (closed) {
            throw new IllegalStateException("receive loop is closed");
        }
        scheduler.start();
    }

    /**
     * Stops the background loop and waits (up to the close timeout) for a running poll to end. An executor the
     * loop made is shut down; one given to the builder is left running.
     */
    @Override
    public void close() {
        closed = true;
        scheduler.stop();
        if (ownsExecutor) {
            executor.shutdown();
        }
        try {
            if (pollLock.tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pollLock.unlock();
            } else {
                LOG.warn("receive loop closed while a poll is still running after {}", closeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void backgroundPoll() {
        if (!closed) {
            pollOnce();
        }
    }

    private static ScheduledExecutorService defaultExecutor() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "egov-receive-loop");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return ex;
    }

    /**
     * What one poll did.
     *
     * @param handedOver packages the handler or listener accepted
     * @param acknowledged packages whose ack {@code done} the axis confirmed (now {@link CheckpointState#DONE})
     * @param skippedDuplicates listed packages not handed over because the store already had them handled or
     *        settled
     * @param failed hand-overs that failed (handler threw, fetch failed) and acks the axis refused
     * @param givenUp packages given up in this poll (retry budget spent, acknowledged {@code fail})
     */
    public record PollResult(int handedOver, int acknowledged, int skippedDuplicates, int failed, int givenUp) {
    }

    /** Settings of a {@link ReceiveLoop}; get one from {@link ReceiveLoop#builder}. */
    public interface Builder {
        /**
         * Where status packages go, as typed events (default none: status packages are left on the axis).
         *
         * @param listener the listener
         * @return this builder
         */
        Builder statusListener(StatusEventListener listener);

        /**
         * The pause between the end of a background poll and the start of the next (default 30 s).
         *
         * @param interval positive
         * @return this builder
         */
        Builder interval(Duration interval);

        /**
         * The longest pause after failed polls (default 5 min; never less than the interval).
         *
         * @param maxBackoff positive
         * @return this builder
         */
        Builder maxBackoff(Duration maxBackoff);

        /**
         * Failed hand-overs of one package after which it is given up and acknowledged {@code fail} (default 0:
         * never give up).
         *
         * @param maxAttempts 0 or more
         * @return this builder
         */
        Builder maxAttempts(int maxAttempts);

        /**
         * The executor of the background loop (default: one daemon thread the loop owns and shuts down). Tests
         * pass one with short delays or a recording one.
         *
         * @param executor the executor; left running by {@link ReceiveLoop#close()}
         * @return this builder
         */
        Builder executor(ScheduledExecutorService executor);

        /**
         * How long {@link ReceiveLoop#close()} waits for a running poll (default 30 s).
         *
         * @param timeout zero or more
         * @return this builder
         */
        Builder closeTimeout(Duration timeout);

        /**
         * Builds the loop (not started).
         *
         * @return the loop
         */
        ReceiveLoop build();
    }
}
