package vn.egov.sdk.jdbc.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DossierTransport;

/**
 * A node's transport for multi-node tests: passes pushes through, notes each ({@code node:service:size}) and how
 * many pushes of all nodes were in flight at once, and pauses before and after each push (so a kill or a hand-over
 * lands between a push and its mark).
 */
public final class WatchedTransport implements DossierTransport {
    private final DossierTransport inner;
    private final String node;
    private final AtomicInteger inFlight;
    private final AtomicInteger maxInFlight;
    private final List<String> log;
    private final Runnable pause;

    /**
     * A watched transport.
     *
     * @param inner the real transport
     * @param node this node's name
     * @param inFlight pushes in flight, shared by the nodes
     * @param maxInFlight the most seen at once, shared by the nodes
     * @param log where pushes are noted (synchronized), shared by the nodes
     * @param pause run before and after each push
     */
    public WatchedTransport(DossierTransport inner, String node, AtomicInteger inFlight, AtomicInteger maxInFlight,
            List<String> log, Runnable pause) {
        this.inner = inner;
        this.node = node;
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
        this.log = log;
        this.pause = pause;
    }

    @Override
    public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
        return watch(updating ? "update" : "create", records.size(), () -> inner.pushDossiers(records, updating));
    }

    @Override
    public AdapterReply pushProgress(List<ObjectNode> rows) {
        return watch("progress", rows.size(), () -> inner.pushProgress(rows));
    }

    @Override
    public AdapterReply pushStatus(List<ObjectNode> statuses) {
        return watch("status", statuses.size(), () -> inner.pushStatus(statuses));
    }

    @Override
    public Optional<JsonNode> findDossier(String maHoSo) {
        return watch("lookup", 1, () -> inner.findDossier(maHoSo));
    }

    private <T> T watch(String service, int size, Supplier<T> call) {
        pause.run();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        log.add(node + ":" + service + ":" + size);
        try {
            return call.get();
        } finally {
            inFlight.decrementAndGet();
            pause.run();
        }
    }
}
