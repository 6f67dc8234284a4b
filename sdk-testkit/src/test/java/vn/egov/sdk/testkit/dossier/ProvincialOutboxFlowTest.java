package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierTransport;
import vn.egov.sdk.dossier.DvcqgSyncEndpointsClient;
import vn.egov.sdk.dossier.InMemoryDossierOutbox;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * The provincial client as a {@link DossierTransport} under an outbox drained by hand (no {@code DossierSync}):
 * creates falling back to updates by code, progress in batches of the province's size, an outage of the progress
 * URL drained afterwards, every row received once and in order.
 */
class ProvincialOutboxFlowTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();

    @Test
    void anOutboxDrainsThroughTheProvinceOnceAndInOrder() {
        String fresh = "H99-261202-00001";
        String held = "H99-261202-00002";
        DossierOutbox outbox = new InMemoryDossierOutbox();
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            assertTrue(province.pushDossiers(List.of(ProvincialSamples.record(held, DossierStatus.NEW)), false)
                    .success(), "the province already holds this one");

            List<OutboxItem> items = new ArrayList<>();
            items.add(item("d1", OutboxKind.DOSSIER, ProvincialSamples.record(fresh, DossierStatus.NEW)));
            items.add(item("d2", OutboxKind.DOSSIER, ProvincialSamples.record(held, DossierStatus.PROCESSING)));
            for (int i = 1; i <= 12; i++) {
                items.add(item("p" + i, OutboxKind.PROGRESS, ProvincialSamples.progress(fresh, i)));
            }
            outbox.enqueue(items);
            outbox.enqueue(List.of(items.get(0)));

            sandbox.faults().on("/dvcqg/tinh/dong-bo-tien-trinh").times(1).status(503);
            drain(outbox, province);
            assertEquals(12L, outbox.counts().getOrDefault(OutboxState.FAILED, 0L)
                    + outbox.counts().getOrDefault(OutboxState.PENDING, 0L), outbox.counts().toString());
            assertEquals(0, portal.history(fresh).size(), "the outage lost the first batch, nothing was stored");

            drain(outbox, province);
        }
        Map<OutboxState, Long> counts = outbox.counts();
        assertEquals(14L, counts.getOrDefault(OutboxState.SENT, 0L), counts.toString());
        List<DvcqgPortalSandbox.ProgressRow> history = portal.history(fresh);
        assertEquals(12, history.size());
        for (int i = 0; i < 12; i++) {
            assertEquals("Bước xử lý " + (i + 1), history.get(i).noiDungXuLy());
        }
        assertEquals(1, portal.dossier(held).orElseThrow().updates());
        assertEquals("4", portal.dossier(held).orElseThrow().status());
        assertEquals(0, portal.dossier(fresh).orElseThrow().updates());
    }

    private static OutboxItem item(String key, OutboxKind kind, ObjectNode wire) {
        return new OutboxItem(key, kind, wire.get("MaHoSo").asText(), wire.toString());
    }

    /** One pass: dossiers one by one (create, update when it exists), progress in batches; a failed dossier waits. */
    private static void drain(DossierOutbox outbox, DvcqgSyncEndpointsClient province) {
        List<OutboxEntry> due = outbox.due(100, Instant.now());
        Set<String> stalled = new HashSet<>();
        List<OutboxEntry> batch = new ArrayList<>();
        for (OutboxEntry e : due) {
            if (stalled.contains(e.item().maHoSo())) {
                continue;
            }
            if (e.item().kind() == OutboxKind.PROGRESS) {
                batch.add(e);
                if (batch.size() == province.progressBatchSize()) {
                    flush(outbox, batch, province, stalled);
                }
                continue;
            }
            flush(outbox, batch, province, stalled);
            send(outbox, List.of(e), province, stalled);
        }
        flush(outbox, batch, province, stalled);
    }

    private static void flush(DossierOutbox outbox, List<OutboxEntry> batch, DossierTransport transport,
            Set<String> stalled) {
        send(outbox, List.copyOf(batch), transport, stalled);
        batch.clear();
    }

    private static void send(DossierOutbox outbox, List<OutboxEntry> entries, DossierTransport transport,
            Set<String> stalled) {
        if (entries.isEmpty()) {
            return;
        }
        List<Long> sequences = entries.stream().map(OutboxEntry::sequence).toList();
        List<ObjectNode> wire = entries.stream().map(e -> parse(e.item().payload())).toList();
        outbox.markSending(sequences);
        try {
            AdapterReply reply;
            if (entries.get(0).item().kind() == OutboxKind.DOSSIER) {
                reply = transport.pushDossiers(wire, false);
                if (reply.alreadyExists()) {
                    reply = transport.pushDossiers(wire, true);
                }
            } else {
                reply = transport.pushProgress(wire);
            }
            if (reply.success()) {
                outbox.markSent(sequences);
                return;
            }
            outbox.markFailed(sequences, "refused: " + reply.errorCode(), Instant.now());
        } catch (AdapterException e) {
            outbox.markFailed(sequences, e.fault() + " " + e.httpStatus().orElse(0), Instant.now());
        }
        entries.forEach(e -> stalled.add(e.item().maHoSo()));
    }

    private static ObjectNode parse(String payload) {
        try {
            return (ObjectNode) MAPPER.readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
