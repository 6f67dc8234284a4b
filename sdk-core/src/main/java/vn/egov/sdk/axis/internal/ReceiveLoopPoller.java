package vn.egov.sdk.axis.internal;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.StatusEvent;
import vn.egov.sdk.axis.StatusEventListener;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * One poll of a {@link ReceiveLoop}: list → per docId: look up the checkpoint → fetch → hand over → markHandled →
 * ack done → markDone. See {@link ReceiveLoop} for the semantics. Not thread-safe: the loop serialises polls.
 */
public final class ReceiveLoopPoller {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.axis.receive");
    private static final String AXIS_DONE = "done";
    private static final String AXIS_FAIL = "fail";

    private final DocumentAxisClient client;
    private final CheckpointStore store;
    private final PackageHandler handler;
    private final StatusEventListener listener;
    private final int maxAttempts;

    /**
     * A poller.
     *
     * @param client the axis
     * @param store the checkpoints
     * @param handler the document handler
     * @param listener the status listener, or {@code null} to leave status packages on the axis
     * @param maxAttempts failed hand-overs before giving up (ack {@code fail}); 0 never gives up
     */
    public ReceiveLoopPoller(DocumentAxisClient client, CheckpointStore store, PackageHandler handler,
            StatusEventListener listener, int maxAttempts) {
        this.client = client;
        this.store = store;
        this.handler = handler;
        this.listener = listener;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Polls every message type once.
     *
     * @return the counts
     * @throws TransportException from any axis call; what was done before it is checkpointed
     */
    public ReceiveLoop.PollResult poll() {
        ReceiveLoopTally tally = new ReceiveLoopTally();
        pollType(MessageType.EDOC, tally);
        if (listener != null) {
            pollType(MessageType.STATUS, tally);
        }
        ReceiveLoop.PollResult result = tally.result();
        LOG.debug("receive poll: {}", result);
        return result;
    }

    private void pollType(MessageType type, ReceiveLoopTally tally) {
        List<ReceivedItem> items = client.listReceived(type);
        for (ReceivedItem item : items) {
            if (item == null || item.docId() == null || item.docId().isBlank()) {
                LOG.warn("axis listed a {} package without docId; ignored", type.wire());
                continue;
            }
            process(item, tally);
        }
    }

    private void process(ReceivedItem item, ReceiveLoopTally tally) {
        String docId = item.docId();
        Optional<CheckpointEntry> entry = store.find(docId);
        CheckpointState state = entry.map(CheckpointEntry::state).orElse(null);
        if (state == CheckpointState.DONE) {
            tally.skipped++;
            reack(item, TransportAck.DONE, AXIS_DONE);
        } else if (state == CheckpointState.GAVE_UP) {
            tally.skipped++;
            reack(item, TransportAck.FAIL, AXIS_FAIL);
        } else if (state == CheckpointState.HANDLED) {
            tally.skipped++;
            LOG.info("package {} was handled before its ack was confirmed; acknowledging it again", docId);
            ackDone(docId, tally);
        } else {
            deliver(docId, tally);
        }
    }

    private void deliver(String docId, ReceiveLoopTally tally) {
        ReceivedPackage pkg;
        try {
            pkg = client.fetch(docId);
        } catch (TransportException e) {
            throw e;
        } catch (RuntimeException e) {
            fail(docId, "fetch failed: " + describe(e), tally);
            return;
        }
        Optional<String> failure;
        try {
            failure = dispatch(pkg);
        } finally {
            release(pkg);
        }
        if (failure.isPresent()) {
            fail(docId, failure.get(), tally);
            return;
        }
        tally.handedOver++;
        store.markHandled(docId);
        ackDone(docId, tally);
    }

    private Optional<String> dispatch(ReceivedPackage pkg) {
        try {
            if (listener != null && pkg.pkg() instanceof StatusPackage status) {
                listener.onStatus(StatusEvent.of(pkg.docId(), status, pkg.signature()));
            } else {
                handler.handle(pkg);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("handler interrupted");
        } catch (Exception e) {
            return Optional.of("handler failed: " + describe(e));
        }
    }

    private static void release(ReceivedPackage pkg) {
        try {
            pkg.close();
        } catch (RuntimeException e) {
            LOG.warn("could not delete the temporary files of package {}: {}", pkg.docId(), describe(e));
        }
    }

    private void ackDone(String docId, ReceiveLoopTally tally) {
        try {
            client.acknowledge(docId, TransportAck.DONE);
        } catch (TransportException e) {
            throw e;
        } catch (RuntimeException e) {
            tally.failed++;
            LOG.warn("ack done of package {} refused; will retry on the next poll: {}", docId, describe(e));
            return;
        }
        store.markDone(docId);
        tally.acknowledged++;
    }

    private void fail(String docId, String reason, ReceiveLoopTally tally) {
        tally.failed++;
        int attempts = store.markFailed(docId, reason);
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            LOG.error("package {} failed {} time(s), giving up and acknowledging fail: {}", docId, attempts, reason);
            store.markGivenUp(docId, reason);
            tally.givenUp++;
            tryAck(docId, TransportAck.FAIL);
        } else {
            LOG.warn("package {} not handled (attempt {}); it will be offered again: {}", docId, attempts, reason);
        }
    }

    private void reack(ReceivedItem item, TransportAck ack, String axisWord) {
        if (axisWord.equalsIgnoreCase(item.status() == null ? "" : item.status().strip())) {
            return;
        }
        if (tryAck(item.docId(), ack)) {
            LOG.debug("package {} was listed again after ack {}; acknowledged again", item.docId(), ack.wire());
        }
    }

    private boolean tryAck(String docId, TransportAck ack) {
        try {
            client.acknowledge(docId, ack);
            return true;
        } catch (TransportException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("ack {} of package {} refused: {}", ack.wire(), docId, describe(e));
            return false;
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
