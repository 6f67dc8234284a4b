package vn.egov.sdk.axis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.QuarantineEvent;
import vn.egov.sdk.axis.QuarantineListener;
import vn.egov.sdk.axis.ReceiveCoordinator;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.StatusEvent;
import vn.egov.sdk.axis.StatusEventListener;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * One poll of a {@link ReceiveLoop}: list → per docId: look up the checkpoint → markAttempt → fetch → hand over →
 * markHandled → ack done → markDone; a package whose attempt budget is spent is quarantined instead. See
 * {@link ReceiveLoop} for the semantics.
 *
 * <p>Whatever a package's fetch, parsing, verification or hand-over throws ({@link Throwable}: exceptions and
 * errors such as {@link StackOverflowError} or {@link OutOfMemoryError}) is that attempt's failure and the poll
 * goes on with the next package. Only three things end a poll: a {@link TransportException} from the loop's own
 * axis calls (after recording the attempt's failure when it was the fetch), anything the checkpoint store throws,
 * and an interrupt of the polling thread. Not thread-safe: the loop serialises polls.
 */
public final class ReceiveLoopPoller {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.receive");
    private static final String AXIS_DONE = "done";
    private static final String AXIS_FAIL = "fail";
    private static final int CLAIM_BATCH = 16;

    private final DocumentAxisClient client;
    private final CheckpointStore store;
    private final PackageHandler handler;
    private final StatusEventListener listener;
    private final int maxAttempts;
    private final ReceiveLoopQuarantine quarantine;
    private final QuarantineListener quarantineListener;
    private final ReceiveCoordinator coordinator;
    /** The package being processed was settled (acknowledged done, or quarantined): never to be claimed again. */
    private boolean settled;
    /** The handler threw {@link InterruptedException}: the poll ends once its failure is recorded. */
    private boolean handlerInterrupted;

    /**
     * A poller.
     *
     * @param client the axis
     * @param store the checkpoints
     * @param handler the document handler
     * @param listener the status listener, or {@code null} to leave status packages on the axis
     * @param maxAttempts attempts after which a package is quarantined; 0 never quarantines
     * @param quarantine where quarantined packages are kept
     * @param quarantineListener told of each quarantined package, or {@code null}
     * @param coordinator who lists the axis and which packages this node handles
     */
    public ReceiveLoopPoller(DocumentAxisClient client, CheckpointStore store, PackageHandler handler,
            StatusEventListener listener, int maxAttempts, ReceiveLoopQuarantine quarantine,
            QuarantineListener quarantineListener, ReceiveCoordinator coordinator) {
        this.client = client;
        this.store = store;
        this.handler = handler;
        this.listener = listener;
        this.maxAttempts = maxAttempts;
        this.quarantine = quarantine;
        this.quarantineListener = quarantineListener;
        this.coordinator = coordinator;
    }

    /**
     * Polls every message type once.
     *
     * @return the counts
     * @throws TransportException from the loop's axis calls; what was done before it is checkpointed
     * @throws RuntimeException whatever the checkpoint store throws
     */
    public ReceiveLoop.PollResult poll() {
        ReceiveLoopTally tally = new ReceiveLoopTally();
        pollType(MessageType.EDOC, tally);
        if (listener != null && !Thread.currentThread().isInterrupted()) {
            pollType(MessageType.STATUS, tally);
        }
        ReceiveLoop.PollResult result = tally.result();
        LOG.debug("receive poll: {}", result);
        return result;
    }

    private void pollType(MessageType type, ReceiveLoopTally tally) {
        if (coordinator.tryLead()) {
            List<ReceivedItem> listed = new ArrayList<>();
            for (ReceivedItem item : client.listReceived(type)) {
                if (item == null || item.docId() == null || item.docId().isBlank()) {
                    LOG.warn("axis listed a {} package without docId; ignored", type.wire());
                } else {
                    listed.add(item);
                }
            }
            coordinator.offer(type, listed);
        }
        Set<String> seen = new HashSet<>();
        while (true) {
            List<ReceivedItem> claimed = coordinator.claim(type, CLAIM_BATCH);
            boolean fresh = false;
            int taken = 0; // claimed items released, or handed to processClaimed (which releases its own)
            try {
                for (ReceivedItem item : claimed) {
                    if (Thread.currentThread().isInterrupted()) {
                        LOG.info("receive poll interrupted; the remaining packages wait for the next poll");
                        return;
                    }
                    taken++;
                    if (!seen.add(item.docId())) { // given back earlier in this poll: it waits for the next poll
                        coordinator.release(item.docId(), false);
                        continue;
                    }
                    fresh = true;
                    processClaimed(item, tally);
                }
            } finally {
                // whatever ended the batch (a failure, an interrupt), no claimed package stays in this node's hands:
                // a coordinator would otherwise keep extending its lease while nobody works on it
                claimed.subList(taken, claimed.size()).forEach(this::releaseQuietly);
            }
            if (!fresh || Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Processes one claimed package and releases it (quietly, when the poll ends on a failure). */
    private void processClaimed(ReceivedItem item, ReceiveLoopTally tally) {
        settled = false;
        boolean ended = true;
        try {
            coordinator.heartbeat();
            if (coordinator.holds(item.docId())) {
                process(item, tally);
            } else {
                LOG.warn("package {}: another node took it over before this node began it; left to that node",
                        show(item.docId()));
            }
            ended = false;
        } finally {
            if (ended) {
                releaseQuietly(item);
            }
        }
        coordinator.release(item.docId(), settled);
    }

    private void releaseQuietly(ReceivedItem item) {
        try {
            coordinator.release(item.docId(), false);
        } catch (RuntimeException e) { // the poll already failed; the lease runs out on its own
            LOG.debug("could not release package {}: {}", show(item.docId()), e.toString());
        }
    }

    private void process(ReceivedItem item, ReceiveLoopTally tally) {
        String docId = item.docId();
        Optional<CheckpointEntry> entry = store.find(docId);
        CheckpointState state = entry.map(CheckpointEntry::state).orElse(null);
        if (state == CheckpointState.DONE) {
            settled = true;
            tally.skipped++;
            reack(item, TransportAck.DONE, AXIS_DONE);
        } else if (state == CheckpointState.GAVE_UP) {
            settled = true;
            tally.skipped++;
            if (!listedAs(item, AXIS_FAIL)) {
                // quarantined, but the ack fail is not on the axis: the quarantine did not finish (or the ack was
                // lost); finish it (bytes already kept are not fetched again)
                CheckpointEntry e = entry.get();
                finishQuarantine(docId, e.attempts(), e.lastError());
            }
        } else if (state == CheckpointState.HANDLED) {
            tally.skipped++;
            LOG.info("package {} was handled before its ack was confirmed; acknowledging it again", show(docId));
            ackDone(docId, tally);
        } else {
            int attempts = entry.map(CheckpointEntry::attempts).orElse(0);
            String lastFailure = entry.map(CheckpointEntry::lastError).orElse("");
            if (state == CheckpointState.IN_PROGRESS) {
                lastFailure = "attempt " + attempts + " did not finish: the process ended (or the checkpoint store "
                        + "failed) during it";
                tally.failed++;
                LOG.warn("package {}: {}", show(docId), lastFailure);
                attempts = store.markFailed(docId, lastFailure);
            }
            if (budgetSpent(attempts)) {
                quarantine(docId, attempts, lastFailure, tally);
            } else {
                deliver(docId, tally);
            }
        }
    }

    private void deliver(String docId, ReceiveLoopTally tally) {
        int attempt = Math.max(1, store.markAttempt(docId));
        ReceivedPackage pkg;
        try {
            pkg = client.fetch(docId);
        } catch (TransportException e) {
            tally.failed++;
            store.markFailed(docId, "fetch failed: " + ReceiveLoopQuarantine.describe(e));
            throw e;
        } catch (Throwable t) { // a package that breaks the reader, the verifier or the JVM's limits
            fail(docId, "fetch failed: " + ReceiveLoopQuarantine.describe(t), tally);
            return;
        }
        if (pkg == null) {
            fail(docId, "fetch returned no package", tally);
            return;
        }
        Optional<String> failure;
        try {
            failure = dispatch(docId, pkg, attempt);
        } finally {
            release(pkg);
        }
        if (failure.isPresent()) {
            fail(docId, failure.get(), tally);
            if (handlerInterrupted) {
                // set again only now: an interrupted thread's FileChannel writes would fail (and close the journal)
                handlerInterrupted = false;
                Thread.currentThread().interrupt();
            }
            return;
        }
        tally.handedOver++;
        store.markHandled(docId);
        ackDone(docId, tally);
    }

    private Optional<String> dispatch(String docId, ReceivedPackage pkg, int attempt) {
        try {
            if (listener != null && pkg.pkg() instanceof StatusPackage status) {
                listener.onStatus(StatusEvent.of(docId, status, pkg.signature(), attempt));
            } else {
                handler.handle(pkg.withAttempt(attempt));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            handlerInterrupted = true;
            return Optional.of("handler interrupted");
        } catch (Throwable t) { // every failure of the hand-over counts, whatever was thrown
            return Optional.of("handler failed: " + ReceiveLoopQuarantine.describe(t));
        }
    }

    private static void release(ReceivedPackage pkg) {
        try {
            pkg.close();
        } catch (Throwable t) { // deleting temporary files must not decide the package's fate
            LOG.warn("could not delete the temporary files of package {}: {}", show(pkg.docId()),
                    ReceiveLoopQuarantine.describe(t));
        }
    }

    private void ackDone(String docId, ReceiveLoopTally tally) {
        try {
            client.acknowledge(docId, TransportAck.DONE);
        } catch (TransportException e) {
            throw e;
        } catch (Throwable t) { // a refused ack is retried on the next poll; it must not stop the others
            tally.failed++;
            LOG.warn("ack done of package {} refused; will retry on the next poll: {}", show(docId),
                    ReceiveLoopQuarantine.describe(t));
            return;
        }
        store.markDone(docId);
        settled = true;
        tally.acknowledged++;
    }

    private void fail(String docId, String reason, ReceiveLoopTally tally) {
        tally.failed++;
        int attempts = store.markFailed(docId, reason);
        if (budgetSpent(attempts)) {
            quarantine(docId, attempts, reason, tally);
        } else {
            LOG.warn("package {} not handled (attempt {}{}); it will be offered again: {}", show(docId), attempts,
                    maxAttempts > 0 ? " of " + maxAttempts : "", reason);
        }
    }

    private boolean budgetSpent(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }

    private void quarantine(String docId, int attempts, String lastFailure, ReceiveLoopTally tally) {
        store.markGivenUp(docId, lastFailure);
        settled = true;
        tally.givenUp++;
        finishQuarantine(docId, attempts, lastFailure);
    }

    /** Keeps the bytes, tells the listener, acknowledges {@code fail}: the steps after {@code markGivenUp}. */
    private void finishQuarantine(String docId, int attempts, String lastFailure) {
        ReceiveLoopQuarantine.Kept kept = quarantine.keep(docId, attempts, lastFailure);
        QuarantineEvent event = new QuarantineEvent(docId, attempts, lastFailure, kept.file(), kept.notKept());
        LOG.error("package {} quarantined after {} attempt(s), acknowledging fail; last failure: {}; {}",
                show(docId), attempts, lastFailure, kept.file().map(f -> "raw bytes kept in " + f)
                        .orElseGet(() -> kept.notKept().orElse("")));
        if (quarantineListener != null) {
            try {
                quarantineListener.onQuarantine(event);
            } catch (Throwable t) { // the listener's failure changes nothing about the quarantine
                LOG.warn("quarantine listener failed for package {}: {}", show(docId),
                        ReceiveLoopQuarantine.describe(t));
            }
        }
        tryAck(docId, TransportAck.FAIL);
    }

    private void reack(ReceivedItem item, TransportAck ack, String axisWord) {
        if (listedAs(item, axisWord)) {
            return;
        }
        if (tryAck(item.docId(), ack)) {
            LOG.debug("package {} was listed again after ack {}; acknowledged again", show(item.docId()),
                    ack.wire());
        }
    }

    private static boolean listedAs(ReceivedItem item, String axisWord) {
        return axisWord.equalsIgnoreCase(item.status() == null ? "" : item.status().strip());
    }

    private boolean tryAck(String docId, TransportAck ack) {
        try {
            client.acknowledge(docId, ack);
            return true;
        } catch (TransportException e) {
            throw e;
        } catch (Throwable t) { // retried when the axis lists the package again
            LOG.warn("ack {} of package {} refused: {}", ack.wire(), show(docId), ReceiveLoopQuarantine.describe(t));
            return false;
        }
    }

    private static String show(String docId) {
        return CheckpointRecords.printable(docId);
    }
}
