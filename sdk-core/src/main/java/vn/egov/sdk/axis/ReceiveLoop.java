package vn.egov.sdk.axis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.internal.ReceiveLoopPoller;
import vn.egov.sdk.axis.internal.ReceiveLoopQuarantine;
import vn.egov.sdk.axis.internal.ReceiveLoopScheduler;

/**
 * Receives packages from a {@link DocumentAxisClient} and hands each to the vendor's {@link PackageHandler} (and
 * status packages to a {@link StatusEventListener}), at least once, counting every attempt in a
 * {@link CheckpointStore} and quarantining a package that keeps failing.
 *
 * <pre>{@code
 * try (ReceiveLoop loop = ReceiveLoop.builder(axis, FileCheckpointStore.open(path), pkg -> inbox.save(pkg))
 *         .statusListener(e -> outbox.recordStatus(e.responseFor().documentId(), e.status()))
 *         .quarantineListener(q -> alerts.raise(q.docId(), q.lastFailure(), q.file()))
 *         .build()) {
 *     loop.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>One poll ({@link #pollOnce()}) lists {@link MessageType#EDOC} packages, then {@link MessageType#STATUS}
 * packages (only when a status listener is set; otherwise they stay on the axis), and for each listed docId:
 * <ol>
 *   <li><b>No entry, or {@link CheckpointState#FAILED}:</b> {@code markAttempt} (durable, before anything else,
 *       giving attempt number {@code n}) → fetch → hand over with {@link ReceivedPackage#attempt()} {@code = n}
 *       (a {@code StatusPackage} to the listener as a {@link StatusEvent}, anything else to the handler) →
 *       {@code markHandled} → ack {@link TransportAck#DONE} → {@code markDone}.</li>
 *   <li><b>The attempt fails</b>, whatever was thrown while fetching, parsing, verifying or handling the package
 *       (exceptions and errors alike, {@link StackOverflowError} and {@link OutOfMemoryError} included):
 *       {@code markFailed}, <em>no ack</em>, so the axis keeps offering it and a later poll tries again; the poll
 *       goes on with the next package.</li>
 *   <li><b>{@link CheckpointState#IN_PROGRESS}</b> (the process died during attempt {@code n}, for example a
 *       package that crashes the JVM): that attempt counts as failed, and the package is tried again (attempt
 *       {@code n + 1}).</li>
 *   <li><b>Attempt budget spent</b> ({@link Builder#maxAttempts}, default {@value #DEFAULT_MAX_ATTEMPTS}; 0 never
 *       quarantines): the package is quarantined instead of tried again: {@code markGivenUp}, its raw bytes are
 *       kept in the quarantine directory ({@link DocumentAxisClient#fetchTo}, not parsed), a
 *       {@link QuarantineEvent} is logged and sent to the {@link Builder#quarantineListener}, then ack
 *       {@link TransportAck#FAIL}. It is never handed over again. If the bytes cannot be kept, the event says why
 *       and the quarantine goes on.</li>
 *   <li><b>{@link CheckpointState#HANDLED}</b> (a crash or a failed ack after {@code markHandled}): the handler is
 *       <em>not</em> called again; only the ack {@code done} is sent again, then {@code markDone}.</li>
 *   <li><b>{@link CheckpointState#DONE}</b> (the axis lists an acknowledged package again): never handed over
 *       again; the ack {@code done} is repeated (idempotent) unless the list already shows it as {@code done}.
 *       {@link CheckpointState#GAVE_UP} likewise with {@code fail} (finishing the quarantine if the process died
 *       before that ack).</li>
 * </ol>
 * What ends a poll early: a {@link vn.egov.sdk.core.TransportException} from any of the loop's axis calls (thrown;
 * when it was a fetch, that attempt counts, since a package too large to arrive within the timeout would
 * otherwise be retried forever; at most one such attempt per poll), anything the checkpoint store throws (thrown:
 * without its checkpoints the loop can promise nothing), and an interrupt of the polling thread (the poll returns
 * with the interrupt kept). What happened before is checkpointed; an ack whose outcome is unknown is sent again
 * next time. Other axis refusals of one ack are counted as failed and retried on the next poll.
 *
 * <p><b>What is guaranteed: at least once.</b> Every listed package is handed over until its handler returns
 * (or it is quarantined); nothing is lost. A package can be handed over <em>again</em> only when the process
 * ended after the handler started and before {@code markHandled} was durable (killed inside the handler, or
 * between its return and the checkpoint), or when the handler threw; it then comes with {@code attempt > 1}. It
 * is never handed over again once {@code markHandled} returned (while the store keeps the entry: see its
 * retention), once acknowledged {@code done}, or once quarantined. {@code attempt == 1} means no earlier attempt
 * is recorded, so the package was not handed over before. Handlers therefore deduplicate: store the package
 * keyed by {@link ReceivedPackage#docId()} in the same transaction as its effects (inbox pattern), and when
 * {@code attempt > 1} treat an existing row as done.
 *
 * <p><b>Several nodes:</b> with a shared {@link ReceiveCoordinator} ({@link Builder#coordinator}), only the node
 * the coordinator elects lists the axis; every node then claims listed packages and processes each one as above,
 * and releases it (as finished once acknowledged or quarantined). A package is handed to one live node at a time;
 * one whose node died is taken by another once its lease runs out, and then counts as a repeat as above.
 *
 * <p>Polls never overlap: {@link #pollOnce()} waits for a running poll to end. {@link #start()} polls in the
 * background with a fixed delay between polls, backing off exponentially after a failed poll (whatever it threw
 * is logged and the loop goes on). {@link #close()} stops it; it does not close the client or the store.
 */
public final class ReceiveLoop implements AutoCloseable {
    /** The default attempt budget of a package: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /**
     * The default quarantine directory for stores that are not a {@link FileCheckpointStore}: {@value}, in the
     * working directory. A file store's default is {@code <journal file>.quarantine} beside its journal.
     */
    public static final String DEFAULT_QUARANTINE_DIRECTORY = "egov-quarantine";

    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.receive");

    private final ReceiveLoopPoller poller;
    private final ReceiveLoopScheduler scheduler;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Duration closeTimeout;
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile boolean closed;

    ReceiveLoop(ReceiveLoopBuilder b) {
        this.poller = new ReceiveLoopPoller(b.client, b.store, b.handler, b.listener, b.maxAttempts,
                new ReceiveLoopQuarantine(b.client, b.quarantineDirectoryOrDefault()), b.quarantineListener,
                b.coordinator == null ? ReceiveCoordinator.singleNode() : b.coordinator);
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
     * @throws CheckpointStoreException (or whatever a vendor's store throws) if a checkpoint could not be written
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
     * @param failed attempts that failed (fetch, parse, verification or handler threw), attempts found unfinished
     *        (the process died during them), and acks the axis refused
     * @param givenUp packages quarantined in this poll (attempt budget spent; bytes kept, acknowledged
     *        {@code fail})
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
         * The attempt budget of one package (default {@value ReceiveLoop#DEFAULT_MAX_ATTEMPTS}): once this many
         * attempts began and none succeeded, the package is quarantined (bytes kept, acknowledged {@code fail},
         * never handed over again). Every attempt counts, whatever failed: the axis, the package, or the handler
         * (a handler whose database is down spends the budget too, so size it for the outages a handler should
         * ride out). 0 never quarantines: a package that always fails is then tried on every poll forever, an
         * explicit choice.
         *
         * @param maxAttempts 0 or more
         * @return this builder
         */
        Builder maxAttempts(int maxAttempts);

        /**
         * Where quarantined packages' raw bytes are kept, one {@code <safe docId>-<hash>.edxml} file each with a
         * {@code .txt} note beside it (created when first needed). Default: {@code <journal file>.quarantine}
         * beside a {@link FileCheckpointStore}'s journal, else {@value ReceiveLoop#DEFAULT_QUARANTINE_DIRECTORY}
         * in the working directory.
         *
         * @param directory the directory
         * @return this builder
         */
        Builder quarantineDirectory(Path directory);

        /**
         * Who is told of each quarantined package (default: nobody; it is logged at ERROR either way).
         *
         * @param listener the listener
         * @return this builder
         */
        Builder quarantineListener(QuarantineListener listener);

        /**
         * Who lists the axis and which packages this node handles, when several nodes share one inbox (default
         * {@link ReceiveCoordinator#singleNode()}: this loop lists and handles everything). With a shared
         * coordinator, give every node's loop a checkpoint store on the same shared database.
         *
         * @param coordinator the coordinator
         * @return this builder
         */
        Builder coordinator(ReceiveCoordinator coordinator);

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
