package vn.egov.sdk.axis;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * An in-memory axis for the receive loop's tests: holds packages per docId, lists those not acknowledged
 * {@code done}/{@code fail}, records every ack, and can be told to fail a call once or to list a package again.
 */
final class ReceiveLoopFakeAxis implements DocumentAxisClient {
    private final Map<String, EdXmlPackage> packages = new LinkedHashMap<>();
    private final Map<String, MessageType> types = new LinkedHashMap<>();
    private final Map<String, String> settled = new ConcurrentHashMap<>();
    private final Map<String, String> relisted = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> fetchFailures = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> ackFailures = new ConcurrentHashMap<>();
    private final List<RuntimeException> listFailures = new CopyOnWriteArrayList<>();
    final List<String> acks = new CopyOnWriteArrayList<>();
    final List<MessageType> lists = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    static TransportException networkDown() {
        return new TransportException("connection refused", ErrorDetails.of(Fault.NETWORK, true), null, false,
                false);
    }

    synchronized ReceiveLoopFakeAxis offer(String docId, MessageType type, EdXmlPackage pkg) {
        packages.put(docId, pkg);
        types.put(docId, type);
        return this;
    }

    /** Lists a settled package again, with the given axis status ("" = as if the ack was lost). */
    void relist(String docId, String axisStatus) {
        relisted.put(docId, axisStatus);
    }

    void failFetchOnce(String docId, RuntimeException e) {
        fetchFailures.put(docId, e);
    }

    void failAckOnce(String docId, RuntimeException e) {
        ackFailures.put(docId, e);
    }

    void failListOnce(RuntimeException e) {
        listFailures.add(e);
    }

    int fetchCount(String docId) {
        AtomicInteger n = fetches.get(docId);
        return n == null ? 0 : n.get();
    }

    @Override
    public synchronized List<ReceivedItem> listReceived(MessageType type) {
        lists.add(type);
        if (!listFailures.isEmpty()) {
            throw listFailures.remove(0);
        }
        List<ReceivedItem> out = new ArrayList<>();
        types.forEach((docId, t) -> {
            if (t != type) {
                return;
            }
            if (!settled.containsKey(docId)) {
                out.add(item(docId, t, "sent"));
            } else if (relisted.containsKey(docId)) {
                out.add(item(docId, t, relisted.get(docId)));
            }
        });
        return out;
    }

    @Override
    public synchronized ReceivedPackage fetch(String docId) {
        fetches.computeIfAbsent(docId, k -> new AtomicInteger()).incrementAndGet();
        RuntimeException e = fetchFailures.remove(docId);
        if (e != null) {
            throw e;
        }
        EdXmlPackage pkg = packages.get(docId);
        if (pkg == null) {
            throw new IllegalStateException("no package " + docId);
        }
        return new ReceivedPackage(docId, pkg, Optional.empty());
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        RuntimeException e = ackFailures.remove(docId);
        if (e != null) {
            throw e;
        }
        acks.add(docId + ":" + ack.wire());
        if (ack != TransportAck.PROCESSING) {
            settled.put(docId, ack.wire());
        }
    }

    private static ReceivedItem item(String docId, MessageType type, String status) {
        return new ReceivedItem(docId, type, "000.00.00.G22", "000.00.00.H41", status, "", Optional.empty());
    }

    @Override
    public SendResult send(EdXmlPackage pkg) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SendResult send(EdXmlPackage pkg, RequestOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SentItem> listSent(MessageType type, Optional<String> docId) {
        return List.of();
    }

    @Override
    public long countReceived(MessageType type) {
        return listReceived(type).size();
    }

    @Override
    public List<Agency> agencies(CodeSystem system) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
