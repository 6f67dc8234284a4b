package vn.egov.sdk.axis.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.axis.hostile.HostileAnswers.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.SentItem;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.testsupport.LogCapture;

/**
 * List answers with junk entries among good ones: the good entries are passed on, every junk one (a docId that is
 * empty, blank, holds a control character, a space or a path separator, names a directory, is absurdly long or is not
 * a JSON string; an entry that is not an object) is dropped and named, made printable, in one WARN line. The same
 * rule refuses such an id passed to fetch or acknowledge.
 */
class AxisJunkEntriesTest {
    private static final String JUNK = "{\"docId\":\"\"},{\"docId\":\"  \"},{\"docId\":\"a/b\"},{\"docId\":\"..\"},"
            + "{\"docId\":\"..\\\\x\"},{\"docId\":\"evil\\u0000\\u001b[31m\"},{\"docId\":\"a b\"},"
            + "{\"docId\":\"" + "x".repeat(300) + "\"},{\"docId\":123},{\"docId\":null},{\"docId\":{}},"
            + "{\"docId\":[\"doc-9\"]},{},\"doc-10\",42,null";

    private HostileServer server;
    private LogCapture logs;

    @BeforeEach
    void start() throws IOException {
        logs = new LogCapture();
        server = new HostileServer(r -> json(200, answerFor(r.path())));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        logs.close();
    }

    private static String answerFor(String path) {
        String ok = "\"status\":\"OK\",\"ErrorCode\":\"0\",\"success\":true";
        return switch (path) {
            case "/vdxp/getReceivedEdocList", "/v1/syncReceivedEdocList" -> "{" + ok + ",\"data\":[{\"docId\":\"doc-1\"},"
                    + JUNK + ",{\"docId\":\"doc-2\"}]}";
            case "/vdxp/getSentEdocList" -> "{" + ok + ",\"data\":[{\"senderDocId\":\"doc-1\"}," + JUNK
                    + ",{\"docId\":\"doc-2\"}]}";
            case "/vdxp/getAgenciesList" -> "{" + ok + ",\"data\":[{\"code\":\"000.00.00.G22\"},{\"code\":\"\"},"
                    + "{\"code\":5},{\"name\":\"no code\"},7]}";
            case "/v1/getAgenciesList" -> "[{\"orgCode\":\"000.00.00.G22\"},{\"orgCode\":\"\"},{\"orgCode\":{}},\"x\"]";
            case "/v1/auth/login" -> "{\"data\":{\"token\":\"t-1\"}}";
            default -> "{" + ok + "}";
        };
    }

    @Test
    void theNationalAxisListsPassOnTheGoodEntriesAndNameTheJunkOnceEach() {
        try (VdxpAxisClient axis = vdxp()) {
            List<ReceivedItem> received = axis.listReceived(MessageType.EDOC);
            assertEquals(List.of("doc-1", "doc-2"), received.stream().map(ReceivedItem::docId).toList());
            assertOneWarning("getReceivedEdocList: dropped 16 entries");

            List<SentItem> sent = axis.listSent(MessageType.EDOC, Optional.empty());
            assertEquals(List.of("doc-1", "doc-2"), sent.stream().map(SentItem::docId).toList());
            assertOneWarning("getSentEdocList: dropped 16 entries");

            List<Agency> agencies = axis.agencies(CodeSystem.QCVN_102);
            assertEquals(List.of("000.00.00.G22"), agencies.stream().map(Agency::code).toList());
            assertOneWarning("getAgenciesList: dropped 4 entries");
        }
    }

    @Test
    void theProvincialAxisListsDoTheSame() {
        try (LgspAxisClient axis = lgsp()) {
            assertEquals(List.of("doc-1", "doc-2"),
                    axis.listReceived(MessageType.EDOC).stream().map(ReceivedItem::docId).toList());
            assertOneWarning("syncReceivedEdocList: dropped 16 entries");
            assertEquals(List.of("000.00.00.G22"),
                    axis.agencies(CodeSystem.QCVN_102).stream().map(Agency::code).toList());
            assertOneWarning("getAgenciesList: dropped 3 entries");
        }
    }

    @Test
    void anIdThatBreaksTheRuleIsRefusedBeforeAnythingIsSent() {
        try (VdxpAxisClient vdxp = vdxp(); LgspAxisClient lgsp = lgsp()) {
            for (String bad : List.of("a/b", "a\\b", "..", "a b", "tab\tx", "x".repeat(257), "ñ")) {
                for (Runnable call : List.<Runnable>of(() -> vdxp.fetch(bad), () -> vdxp.acknowledge(bad,
                        TransportAck.DONE), () -> vdxp.fetchTo(bad, new ByteArrayOutputStream()),
                        () -> vdxp.listSent(MessageType.EDOC, Optional.of(bad)), () -> lgsp.fetch(bad),
                        () -> lgsp.acknowledge(bad, TransportAck.DONE))) {
                    ValidationException e = assertThrows(ValidationException.class, call::run, bad);
                    assertEquals("docId", e.errors().get(0).path(), e::getMessage);
                }
            }
        }
    }

    private void assertOneWarning(String start) {
        List<String> warnings = logs.lines().stream().filter(l -> l.startsWith(start)).toList();
        assertEquals(1, warnings.size(), () -> logs.all());
        String w = warnings.get(0);
        assertFalse(w.chars().anyMatch(c -> c < 0x20), "control characters reach the log: " + w);
        assertTrue(w.length() < 2_000, "the line is bounded: " + w.length());
    }

    private VdxpAxisClient vdxp() {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(server.baseUrl() + "/vdxp")
                .clock(Clock.systemUTC()).sleeper(d -> { }).build()).systemId("vxp.test.01")
                .secret(Secret.of("s3cret")).build();
    }

    private LgspAxisClient lgsp() {
        return LgspAxisClient.builder().settings(ClientSettings.builder().endpoint(server.baseUrl()).sleeper(d -> { })
                .build()).login("admin", Secret.of("pw"), "QLVB")
                .system("sys-1", Secret.of("key-1")).build();
    }
}
