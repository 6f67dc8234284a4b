package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.TraceHeader;

/**
 * Golden requests: exactly what the official client SDKVXP 2.0.1 sends (captured byte for byte),
 * built by {@link OfficialClientWire} and sent to the sandbox. The sandbox must accept them and answer in a shape that
 * client reads, packages must travel between it and {@link VdxpAxisClient} both ways with every field equal, and the
 * sandbox must still refuse a wrong HMAC, a wrong hash, an unsigned header and a timestamp outside its window.
 */
class VdxpOfficialClientWireTest {

    /** The README's {@code sign-header-key} of {@code sendEdoc}: a {@code HashMap}'s order. */
    private static final String SEND_KEYS = "systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type";
    /** The README's {@code sign-header-key} of the other calls, before their own headers. */
    private static final String LIST_KEYS = "systemid;servicetype;messagetype;timestamp;Content-Type";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final VdxpAxisClient sender = VdxpFixtures.system1(sandbox);
    private final VdxpAxisClient receiver = VdxpFixtures.system2(sandbox);

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
    }

    @Test
    void aPackageSentAsTheOfficialClientSendsItReachesOurClientWithEveryFieldEqual() throws IOException {
        DocumentPackage doc = VdxpFixtures.documentWithAShortHash("401");
        byte[] file = VdxpFixtures.bytes(doc);
        String hash = OfficialClientWire.unpaddedSha256(file);
        assertTrue(hash.length() < 64, "the official hash of this file drops a leading zero: " + hash);
        // a service object made two minutes ago: its timestamp is stale, as the official client's are by design
        OfficialClientWire official = official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, Duration.ofMinutes(2));

        OfficialClientWire.Exchange sent = official.sendEdoc(sendHeaders(hash), file, true, VdxpSandbox.SECRET_1);

        assertEquals(SEND_KEYS, official.signHeaderKey(), "the emulation writes the official order");
        assertTrue(sent.requestText().contains("\r\nContent-Type: application/octet-stream\r\n"));
        assertTrue(sent.requestText().endsWith("\r\n\r\n" + new String(file, java.nio.charset.StandardCharsets.UTF_8)
                + "\r\n"), "the body is the file then CRLF, no multipart");
        assertTrue(sent.requestText().matches("(?s).*XroadVnpt-timestamp: \\d{8}T\\d{6}\\+\\d{4}\r\n.*"));
        assertEquals(200, sent.status());
        assertEquals("OK", sent.answer().path("status").asText(), sent.answer()::toString);
        assertEquals("0", sent.answer().path("ErrorCode").asText());
        String docId = sent.answer().path("DocId").asText();
        assertFalse(docId.isEmpty());

        List<ReceivedItem> waiting = receiver.listReceived(MessageType.EDOC);
        assertEquals(List.of(docId), waiting.stream().map(ReceivedItem::docId).toList());
        assertEquals(VdxpSandbox.ORGAN_1, waiting.get(0).from());
        try (ReceivedPackage got = receiver.fetch(docId)) {
            DocumentPackage received = assertInstanceOf(DocumentPackage.class, got.pkg());
            List<TraceHeader> hops = received.trace().traceHeaders();
            TraceHeader axisHop = hops.get(hops.size() - 1);
            assertEquals(VdxpSandbox.AXIS_ORGAN_ID, axisHop.organId().value());
            assertArrayEquals(VdxpFixtures.bytes(doc.withHop(axisHop.organId(), axisHop.timestamp().orElseThrow())),
                    VdxpFixtures.bytes(received), "every field as the official client sent it, plus the axis hop");
        }
    }

    @Test
    void whatOurClientSendsTheOfficialClientListsFetchesAndAcknowledges() throws IOException {
        DocumentPackage doc = VdxpFixtures.document(VdxpFixtures.ngheAn(), "402");
        SendResult sent = sender.send(doc);
        OfficialClientWire official = official(VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, Duration.ZERO);

        OfficialClientWire.Exchange list = official.post("getReceivedEdocList",
                ordered("servicetype", "eDoc", "messagetype", "edoc"));

        assertEquals(LIST_KEYS, official.signHeaderKey());
        assertTrue(list.requestText().contains("\r\nContent-Type: application/json\r\n")
                && list.requestText().contains("\r\nXroadVnpt-Content-Type: application/json\r\n")
                && list.requestText().endsWith("Content-Length: 0\r\nConnection: close\r\n\r\n"));
        assertOk(list);
        JsonNode entry = list.answer().path("data").get(0);
        for (String field : List.of("docId", "serviceType", "messageType", "created_time", "updated_time", "from",
                "to", "status", "status_desc")) {
            assertTrue(entry.hasNonNull(field) && entry.get(field).isTextual(), field + " in " + entry);
        }
        assertEquals(sent.docId(), entry.path("docId").asText());

        // getEdoc signs the caller's local filePath too; the headers stay on the service object afterwards
        OfficialClientWire.Exchange fetched = official.post("getEdoc",
                ordered("docId", sent.docId(), "filePath", "/var/lib/vxp/store"));
        assertTrue(official.signHeaderKey().contains("filePath"), official.signHeaderKey());
        assertOk(fetched);
        byte[] pkg = Base64.getDecoder().decode(fetched.answer().path("data").asText());
        try (var read = EdXml.read(new ByteArrayInputStream(pkg))) {
            DocumentPackage got = assertInstanceOf(DocumentPackage.class, read);
            List<TraceHeader> hops = got.trace().traceHeaders();
            TraceHeader axisHop = hops.get(hops.size() - 1);
            assertArrayEquals(VdxpFixtures.bytes(doc.withHop(axisHop.organId(), axisHop.timestamp().orElseThrow())),
                    pkg, "every field as our client sent it, plus the axis hop");
        }

        assertOk(official.post("updateStatus", ordered("docId", sent.docId(), "status", "done")));
        // the same service object lists again, docId, filePath and status still among its signed headers
        OfficialClientWire.Exchange again = official.post("getReceivedEdocList",
                ordered("servicetype", "eDoc", "messagetype", "edoc"));
        assertOk(again);
        assertEquals(0, again.answer().path("data").size());
        assertEquals("done", sender.listSent(MessageType.EDOC, java.util.Optional.of(sent.docId())).get(0)
                .receiveStatus());
    }

    @Test
    void theDirectoryAndRefusalsComeInAShapeTheOfficialClientReads() throws IOException {
        OfficialClientWire official = official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, Duration.ZERO);

        OfficialClientWire.Exchange agencies = official.post("getAgenciesList", Map.of());
        assertOk(agencies);
        assertTrue(agencies.answer().path("data").size() >= 3);
        for (JsonNode a : agencies.answer().path("data")) {
            for (String field : List.of("id", "pid", "code", "oldCode", "name", "mail")) {
                assertTrue(a.hasNonNull(field) && a.get(field).isTextual(), field + " in " + a);
            }
        }

        // XroadVnpt-version may be signed too
        assertOk(official.post("getAgenciesListQD20", ordered("version", OfficialClientWire.VERSION)));

        OfficialClientWire.Exchange unknown = official.post("getEdoc", ordered("docId", "no-such-doc"));
        assertFail(unknown, ErrorCodes.DOC_NOT_FOUND);
    }

    @Test
    void theBodyWithOrWithoutCrlfAndTheHashPaddedOrNotAreOneAndTheSamePackage() throws IOException {
        DocumentPackage doc = VdxpFixtures.documentWithAShortHash("403");
        byte[] file = VdxpFixtures.bytes(doc);
        String unpadded = OfficialClientWire.unpaddedSha256(file);
        String padded = HexFormat.of().formatHex(OfficialClientWire.sha256(file));

        String first = docId(official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, Duration.ZERO)
                .sendEdoc(sendHeaders(unpadded), file, true, VdxpSandbox.SECRET_1));
        for (boolean crlf : new boolean[] {true, false}) {
            for (String hash : List.of(unpadded, padded, padded.toUpperCase(java.util.Locale.ROOT))) {
                OfficialClientWire.Exchange again = official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1,
                        Duration.ZERO).sendEdoc(sendHeaders(hash), file, crlf, VdxpSandbox.SECRET_1);
                assertEquals(first, docId(again), "crlf=" + crlf + " hash=" + hash);
            }
        }
        assertEquals(1, sandbox.vdxp().storedPackages());
    }

    @Test
    void theSandboxStillRefusesAWrongHmacAWrongHashAnUnsignedHeaderAndAStaleTimestamp() throws IOException {
        byte[] file = VdxpFixtures.bytes(VdxpFixtures.document(VdxpFixtures.ngheAn(), "404"));
        String hash = OfficialClientWire.unpaddedSha256(file);

        assertFail(official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, Duration.ZERO)
                .sendEdoc(sendHeaders(hash), file, true, "not-the-secret"), ErrorCodes.BAD_SIGNATURE);
        byte[] other = "<edXML>other</edXML>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertFail(official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, Duration.ZERO)
                .sendEdoc(sendHeaders(OfficialClientWire.unpaddedSha256(other)), file, true, VdxpSandbox.SECRET_1),
                ErrorCodes.HASH_FILE_MISMATCH);
        assertFail(official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, Duration.ZERO).post("getReceivedEdocList",
                ordered("servicetype", "eDoc", "messagetype", "edoc"), Map.of("XroadVnpt-docId", "x")),
                ErrorCodes.BAD_SIGNED_HEADERS);
        assertFail(official(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, VdxpSandbox.DEFAULT_WINDOW.plusMinutes(1))
                .sendEdoc(sendHeaders(hash), file, true, VdxpSandbox.SECRET_1), ErrorCodes.TIMESTAMP_OUT_OF_WINDOW);
        assertEquals(0, sandbox.vdxp().storedPackages());
    }

    @Test
    void aServiceObjectOlderThanTheDefaultWindowIsAcceptedWithinAConfiguredOne() throws IOException {
        byte[] file = VdxpFixtures.bytes(VdxpFixtures.document(VdxpFixtures.ngheAn(), "405"));
        try (NationalSandbox lenient = NationalSandbox.builder().vdxpTimestampWindow(Duration.ofHours(8)).start()) {
            OfficialClientWire kept = new OfficialClientWire(lenient.vdxpUrl(), VdxpSandbox.SYSTEM_1,
                    VdxpSandbox.SECRET_1, Instant.now().minus(Duration.ofHours(7)));
            assertOk(kept.sendEdoc(sendHeaders(OfficialClientWire.unpaddedSha256(file)), file, true,
                    VdxpSandbox.SECRET_1));
            assertOk(kept.post("getReceivedEdocList", ordered("servicetype", "eDoc", "messagetype", "edoc")));
        }
    }

    private OfficialClientWire official(String system, String secret, Duration age) {
        return new OfficialClientWire(sandbox.vdxpUrl(), system, secret, Instant.now().minus(age));
    }

    private static Map<String, String> sendHeaders(String hash) {
        return ordered("from", VdxpSandbox.ORGAN_1, "servicetype", "eDoc", "messagetype", "edoc", "hash-file", hash);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String docId(OfficialClientWire.Exchange e) {
        assertOk(e);
        return e.answer().path("DocId").asText();
    }

    private static void assertOk(OfficialClientWire.Exchange e) {
        assertEquals(200, e.status(), e.answer()::toString);
        assertEquals("OK", e.answer().path("status").asText(), e.answer()::toString);
        assertEquals("0", e.answer().path("ErrorCode").asText(), e.answer()::toString);
    }

    /** A refusal as the official client reads it: status, ErrorCode, ErrorDesc, and a DocId that is there. */
    private static void assertFail(OfficialClientWire.Exchange e, String code) {
        assertEquals(200, e.status(), e.answer()::toString);
        assertEquals("FAIL", e.answer().path("status").asText(), e.answer()::toString);
        assertEquals(code, e.answer().path("ErrorCode").asText(), e.answer()::toString);
        assertTrue(e.answer().path("ErrorDesc").isTextual(), e.answer()::toString);
        assertTrue(e.answer().has("DocId") && e.answer().get("DocId").asText().isEmpty(), e.answer()::toString);
    }
}
