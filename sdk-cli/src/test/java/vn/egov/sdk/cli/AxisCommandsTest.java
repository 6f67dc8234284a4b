package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** egov axis against the sandbox's national axis: G22's system sends to H41's, which lists, fetches and acks. */
class AxisCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENDER = "vxp.sandbox.01";
    private static final String SENDER_SECRET = "sandbox-secret";
    private static final String RECEIVER = "vxp.sandbox.02";
    private static final String RECEIVER_SECRET = "sandbox-secret-02";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @TempDir
    Path dir;

    private static Run axis(String system, String secret, String... args) {
        List<String> all = new ArrayList<>(List.of("axis"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", SANDBOX.sandbox().baseUrl() + "/vdxp", "--system", system, "--secret", secret));
        return Run.egov(all.toArray(String[]::new));
    }

    @Test
    void sendListFetchAckEndToEnd() throws IOException {
        Path file = Samples.write(dir, "doc.edxml", Samples.document(Samples.header().build()));
        Run sent = axis(SENDER, SENDER_SECRET, "send", "--json", file.toString());
        assertEquals(ExitCodes.OK, sent.status(), sent::toString);
        assertFalse(JSON.readTree(sent.out()).get("docId").asText().isEmpty());

        Run list = axis(RECEIVER, RECEIVER_SECRET, "list", "--json");
        assertEquals(ExitCodes.OK, list.status(), list::toString);
        JsonNode items = JSON.readTree(list.out()).get("items");
        assertEquals(1, items.size(), list::toString);
        String docId = items.get(0).get("docId").asText();
        Run text = axis(RECEIVER, RECEIVER_SECRET, "list");
        assertTrue(text.out().contains(docId) && text.out().contains("1 waiting"), text::toString);

        Path saved = dir.resolve("got.edxml");
        Run fetched = axis(RECEIVER, RECEIVER_SECRET, "fetch", docId, "--out", saved.toString());
        assertEquals(ExitCodes.OK, fetched.status(), fetched::toString);
        try (InputStream in = Files.newInputStream(saved);
                DocumentPackage got = (DocumentPackage) EdXml.read(in)) {
            assertEquals("V/v thử nghiệm dòng lệnh", got.header().subject());
        }
        assertEquals(ExitCodes.OK, Run.egov("edxml", "inspect", saved.toString()).status());

        Run ack = axis(RECEIVER, RECEIVER_SECRET, "ack", docId);
        assertEquals(ExitCodes.OK, ack.status(), ack::toString);
        Run after = axis(RECEIVER, RECEIVER_SECRET, "list", "--json");
        assertEquals(0, JSON.readTree(after.out()).get("items").size(), after::toString);
        for (Run run : List.of(sent, list, text, fetched, ack, after)) {
            assertFalse(run.out().contains(RECEIVER_SECRET) || run.err().contains(RECEIVER_SECRET), run::toString);
        }
    }

    @Test
    void aPackageThatBreaksRulesIsNotSent() throws IOException {
        var header = Samples.header().subject("x".repeat(50_000)).build();
        Path file = Samples.write(dir, "bad.edxml", Samples.document(header));
        Run run = axis(SENDER, SENDER_SECRET, "send", file.toString());
        assertEquals(ExitCodes.INVALID, run.status(), run::toString);
        assertTrue(run.err().contains("Subject"), run::toString);
        Run list = axis(RECEIVER, RECEIVER_SECRET, "list", "--json");
        assertEquals(0, JSON.readTree(list.out()).get("items").size(), list::toString);
    }

    @Test
    void agenciesAreListed() throws IOException {
        Run run = axis(SENDER, SENDER_SECRET, "agencies", "--json");
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        assertTrue(JSON.readTree(run.out()).get("agencies").size() > 0, run::toString);
    }

    @Test
    void aWrongSecretIsRefusedAndNeverPrinted() {
        String wrong = "not-the-secret-4711";
        Run run = axis(SENDER, wrong, "list", "--verbose");
        assertEquals(ExitCodes.AUTHENTICATION, run.status(), run::toString);
        assertTrue(run.err().startsWith("Lỗi: "), run::toString);
        assertFalse(run.out().contains(wrong) || run.err().contains(wrong), run::toString);
    }

    @Test
    void noSecretAtAllIsAnAuthenticationError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("EGOV_AXIS_SECRET") == null,
                "EGOV_AXIS_SECRET is set in this environment");
        Run run = Run.egov("axis", "list", "--url", SANDBOX.sandbox().baseUrl() + "/vdxp", "--system", SENDER);
        assertEquals(ExitCodes.AUTHENTICATION, run.status(), run::toString);
        assertTrue(run.err().contains("EGOV_AXIS_SECRET"), run::toString);
    }

    @Test
    void anUnreachableAxisIsARemoteFailure() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run run = Run.egov("axis", "list", "--url", "http://127.0.0.1:" + port + "/vdxp", "--system", SENDER,
                "--secret", SENDER_SECRET);
        assertEquals(ExitCodes.REMOTE, run.status(), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void sendingAnUnreadableFileSendsNothing() {
        Run run = axis(SENDER, SENDER_SECRET, "send", dir.resolve("nope.edxml").toString());
        assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
    }

    @Test
    void usageAndHelp() {
        assertEquals(ExitCodes.USAGE, Run.egov("axis", "list").status());
        assertEquals(ExitCodes.USAGE, Run.egov("axis").status());
        assertEquals(ExitCodes.USAGE, axis(SENDER, SENDER_SECRET, "list", "--type", "nonsense").status());
        for (String command : new String[] {"list", "fetch", "ack", "send", "agencies"}) {
            Run help = Run.egov("axis", command, "--help");
            assertEquals(ExitCodes.OK, help.status(), help::toString);
            assertTrue(help.out().contains("--secret"), help::toString);
        }
    }
}
