package vn.egov.sdk.axis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * An in-memory axis for the receive loop's tests: holds packages per docId, lists those not acknowledged
 * {@code done}/{@code fail}, records every ack, serves raw bytes ({@code fetchTo}: the package as written, or bytes
 * set by the test), and can be told to fail a call (with any {@link Throwable}) once or always, or to list a
 * package again.
 */
final class ReceiveLoopFakeAxis implements DocumentAxisClient {
    private final Map<String, EdXmlPackage> packages = new LinkedHashMap<>();
    private final Map<String, MessageType> types = new LinkedHashMap<>();
    private final Map<String, String> settled = new ConcurrentHashMap<>();
    private final Map<String, String> relisted = new ConcurrentHashMap<>();
    private final Map<String, Throwable> fetchFailures = new ConcurrentHashMap<>();
    private final Map<String, Throwable> fetchAlwaysFailures = new ConcurrentHashMap<>();
    private final Map<String, Throwable> fetchToFailures = new ConcurrentHashMap<>();
    private final Map<String, byte[]> raw = new ConcurrentHashMap<>();
    private final Map<String, Throwable> ackFailures = new ConcurrentHashMap<>();
    private final List<Throwable> listFailures = new CopyOnWriteArrayList<>();
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

    void failFetchOnce(String docId, Throwable e) {
        fetchFailures.put(docId, e);
    }

    /** Every fetch of the package throws this (a hostile package). */
    void failFetchAlways(String docId, Throwable e) {
        fetchAlwaysFailures.put(docId, e);
    }

    /** Every {@code fetchTo} of the package throws this after writing half of its bytes. */
    void failFetchToAlways(String docId, Throwable e) {
        fetchToFailures.put(docId, e);
    }

    /** The raw bytes {@code fetchTo} serves for a package (default: the package as EdXml.write writes it). */
    ReceiveLoopFakeAxis raw(String docId, byte[] bytes) {
        raw.put(docId, bytes.clone());
        return this;
    }

    void failAckOnce(String docId, Throwable e) {
        ackFailures.put(docId, e);
    }

    /** The bytes {@code fetchTo} serves. */
    synchronized byte[] rawBytes(String docId) {
        byte[] b = raw.get(docId);
        if (b != null) {
            return b.clone();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        EdXml.write(packages.get(docId), out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    void failListOnce(Throwable e) {
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
            throw ReceiveLoopFakeAxis.<RuntimeException>sneaky(listFailures.remove(0));
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
        Throwable e = fetchFailures.remove(docId);
        if (e == null) {
            e = fetchAlwaysFailures.get(docId);
        }
        if (e != null) {
            throw ReceiveLoopFakeAxis.<RuntimeException>sneaky(e);
        }
        EdXmlPackage pkg = packages.get(docId);
        if (pkg == null) {
            throw new IllegalStateException("no package " + docId);
        }
        return new ReceivedPackage(docId, pkg, Optional.empty());
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        Throwable e = ackFailures.remove(docId);
        if (e != null) {
            throw ReceiveLoopFakeAxis.<RuntimeException>sneaky(e);
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
    public SendResult send(EdXmlPackage pkg, RequestOptions options, java.nio.file.Path archive) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        byte[] bytes = rawBytes(docId);
        Throwable e = fetchToFailures.get(docId);
        try {
            out.write(bytes, 0, e == null ? bytes.length : bytes.length / 2);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        if (e != null) {
            throw ReceiveLoopFakeAxis.<RuntimeException>sneaky(e);
        }
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
