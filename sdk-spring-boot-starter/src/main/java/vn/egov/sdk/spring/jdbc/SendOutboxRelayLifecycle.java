package vn.egov.sdk.spring.jdbc;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.jdbc.SendOutboxRelay;

/**
 * A {@link SendOutboxRelay} run by the application context: built and started when the context starts, and closed
 * when it stops (waiting for the round in progress, so every row it claimed is sent and marked, or left to be taken
 * again when its lease ends). Rows not yet claimed stay in the table for this node's next start or any other node's
 * relay. Each start builds a new relay, so a context that is stopped and started again relays again.
 */
public final class SendOutboxRelayLifecycle implements SmartLifecycle {
    /**
     * The relay's phase: below the receive loop's ({@code DEFAULT_PHASE - 2048}) and the web server's, so the relay
     * starts before them and stops after them, and sends what a request or a received package's handler recorded
     * until they have stopped.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(SendOutboxRelayLifecycle.class);

    private final DocumentAxisClient axis;
    private final Supplier<SendOutboxRelay> relays;
    private SendOutboxRelay relay;

    /**
     * Creates the lifecycle.
     *
     * @param axis the axis client the relays send through
     * @param relays builds a new, not yet started relay on that client on each start
     */
    public SendOutboxRelayLifecycle(DocumentAxisClient axis, Supplier<SendOutboxRelay> relays) {
        this.axis = axis;
        this.relays = relays;
    }

    /**
     * The axis client the relay sends through ({@code egov.jdbc.relay.axis}).
     *
     * @return the client
     */
    public DocumentAxisClient axis() {
        return axis;
    }

    @Override
    public synchronized void start() {
        if (relay == null) {
            SendOutboxRelay fresh = relays.get();
            fresh.start();
            relay = fresh;
            LOG.info("egov send outbox relay started");
        }
    }

    @Override
    public synchronized void stop() {
        if (relay != null) {
            SendOutboxRelay running = relay;
            relay = null;
            running.close();
            LOG.info("egov send outbox relay stopped");
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return relay != null;
    }

    /**
     * The last failure of the running relay, if its last round failed (the database down, for example).
     *
     * @return the failure, or empty when the last round succeeded or the relay is not running
     */
    public synchronized Optional<RuntimeException> lastFailure() {
        return relay == null ? Optional.empty() : relay.lastFailure();
    }

    /**
     * {@value #PHASE}: see {@link #PHASE}.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return PHASE;
    }
}
