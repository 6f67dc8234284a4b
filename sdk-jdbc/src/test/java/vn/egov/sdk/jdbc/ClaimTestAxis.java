package vn.egov.sdk.jdbc;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
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
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;

/**
 * A thread-safe in-memory axis inbox for the coordinator's tests: lists what is not acknowledged, and records the
 * threads that listed it while it held packages.
 */
final class ClaimTestAxis implements DocumentAxisClient {
    private static final DocumentPackage DOCUMENT = document();
    private final Map<String, Boolean> inbox = new ConcurrentSkipListMap<>();
    final List<String> acks = new CopyOnWriteArrayList<>();
    final List<Thread> listers = new CopyOnWriteArrayList<>();

    ClaimTestAxis offer(int count) {
        for (int i = 0; i < count; i++) {
            inbox.put(String.format("doc-%05d", i), true);
        }
        return this;
    }

    @Override
    public List<ReceivedItem> listReceived(MessageType type) {
        if (!inbox.isEmpty()) {
            listers.add(Thread.currentThread());
        }
        List<ReceivedItem> items = new ArrayList<>();
        if (type == MessageType.EDOC) {
            for (String docId : inbox.keySet()) {
                items.add(new ReceivedItem(docId, type, "000.00.00.G22", "000.00.00.H41", "initial", "",
                        Optional.empty()));
            }
        }
        return items;
    }

    @Override
    public ReceivedPackage fetch(String docId) {
        return new ReceivedPackage(docId, DOCUMENT, Optional.empty());
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        acks.add(docId + ":" + ack.wire());
        inbox.remove(docId);
    }

    @Override
    public long countReceived(MessageType type) {
        return type == MessageType.EDOC ? inbox.size() : 0;
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        throw new UnsupportedOperationException();
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
    public SendResult send(EdXmlPackage pkg, RequestOptions options, Path archive) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SentItem> listSent(MessageType type, Optional<String> docId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Agency> agencies(CodeSystem system) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    private static DocumentPackage document() {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("1", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2024, 5, 2))
                .subject("V/v thử nghiệm")
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@example.gov.vn", "0912000001"), List.of(),
                Clock.fixed(Instant.parse("2024-05-02T02:15:30Z"), ZoneOffset.UTC));
    }
}
