package vn.egov.sdk.jdbc.testsupport;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SentItem;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.edxml.EdXmlPackage;

/** An axis client that passes every call on and keeps the options of each send. */
public final class RecordingAxis implements DocumentAxisClient {
    private final DocumentAxisClient target;
    private final List<RequestOptions> sends = new CopyOnWriteArrayList<>();

    public RecordingAxis(DocumentAxisClient target) {
        this.target = target;
    }

    /** The options of each send, in order. */
    public List<RequestOptions> sends() {
        return sends;
    }

    @Override
    public SendResult send(EdXmlPackage pkg) {
        return send(pkg, RequestOptions.DEFAULT);
    }

    @Override
    public SendResult send(EdXmlPackage pkg, RequestOptions options) {
        sends.add(options);
        return target.send(pkg, options);
    }

    @Override
    public SendResult send(EdXmlPackage pkg, RequestOptions options, Path archive) {
        sends.add(options);
        return target.send(pkg, options, archive);
    }

    @Override
    public List<ReceivedItem> listReceived(MessageType type) {
        return target.listReceived(type);
    }

    @Override
    public ReceivedPackage fetch(String docId) {
        return target.fetch(docId);
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        target.fetchTo(docId, out);
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        target.acknowledge(docId, ack);
    }

    @Override
    public List<SentItem> listSent(MessageType type, Optional<String> docId) {
        return target.listSent(type, docId);
    }

    @Override
    public long countReceived(MessageType type) {
        return target.countReceived(type);
    }

    @Override
    public List<Agency> agencies(CodeSystem system) {
        return target.agencies(system);
    }

    @Override
    public void close() {
        target.close();
    }
}
