package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.PayGovSandbox;

/**
 * egov pay against the sandbox's payment systems: a payment created, paid on the simulator, its state asked for, and
 * the callback the platform sent (captured by a tiny endpoint, as a tester would) checked from a file.
 */
class PayCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @TempDir
    Path dir;

    private Run dvcqg(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("pay", command, "--system", "dvcqg", "--url",
                SANDBOX.sandbox().dvcqgPayUrl(), "--merchant", DvcqgPaySandbox.MERCHANT_CODE, "--key",
                DvcqgPaySandbox.SECRET, "--store", dir.resolve("payments.json").toString()));
        all.addAll(List.of(args));
        return Run.egov(all.toArray(String[]::new));
    }

    @Test
    void createPayStatusAndCheckTheCapturedCallback() throws Exception {
        CompletableFuture<byte[]> captured = new CompletableFuture<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/callback", exchange -> {
            captured.complete(exchange.getRequestBody().readAllBytes());
            byte[] reply = "{\"MaLoi\":\"00\",\"MoTaLoi\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        endpoint.start();
        try {
            SANDBOX.sandbox().dvcqgPay().callbackUrl(URI.create("http://127.0.0.1:"
                    + endpoint.getAddress().getPort() + "/callback"));
            Run created = dvcqg("create", "--amount", "150000", "--dossier", "000.00.01.H41-261207-0001", "--json");
            assertEquals(ExitCodes.OK, created.status(), created::toString);
            JsonNode start = JSON.readTree(created.out());
            String reference = start.get("reference").asText();
            assertTrue(start.get("redirectUrl").asText().startsWith(SANDBOX.sandbox().baseUrl()), created::toString);
            assertTrue(Files.readString(dir.resolve("payments.json")).contains(reference), "recorded in the file");

            Run again = dvcqg("create", "--amount", "150000", "--dossier", "000.00.01.H41-261207-0001");
            assertEquals(ExitCodes.OK, again.status(), again::toString);
            assertTrue(again.out().contains("reference  " + reference), "a pending payment is reused: " + again);
            assertTrue(again.out().contains("open       http"), again::toString);

            Run pending = dvcqg("status", reference, "--json");
            assertEquals(ExitCodes.OK, pending.status(), pending::toString);
            assertEquals("pending", JSON.readTree(pending.out()).get("state").asText(), pending::toString);

            assertTrue(SANDBOX.sandbox().dvcqgPay().pay(reference));
            Run paid = dvcqg("status", reference);
            assertEquals(ExitCodes.OK, paid.status(), paid::toString);
            assertTrue(paid.out().contains("state        PAID"), paid::toString);
            assertTrue(paid.out().contains("amount       150000 VND"), paid::toString);

            byte[] body = captured.get(10, TimeUnit.SECONDS);
            Path file = Files.write(dir.resolve("callback.json"), body);
            Run check = dvcqg("callback-check", file.toString(), "--json");
            assertEquals(ExitCodes.OK, check.status(), check::toString);
            JsonNode verdict = JSON.readTree(check.out());
            assertTrue(verdict.get("verified").asBoolean(), check::toString);
            assertEquals("matches", verdict.get("checksum").asText(), check::toString);
            assertEquals(reference, verdict.get("reference").asText());
            assertEquals(150000, verdict.get("amount").asLong());
            String signed = verdict.get("signedString").asText();
            assertTrue(signed.contains("|" + DvcqgPaySandbox.MERCHANT_CODE + "|" + reference + "|150000|")
                    && signed.endsWith("|***"), signed);

            Run text = dvcqg("callback-check", file.toString());
            assertTrue(text.out().contains("checksum       matches") && text.out().contains("verified       yes"),
                    text::toString);
            assertFalse(text.out().contains("\u001B["), "no colour into a pipe: " + text);

            String tampered = new String(body, StandardCharsets.UTF_8).replace("\"150000\"", "\"1500\"")
                    .replace(":150000", ":1500");
            Path forged = Files.writeString(dir.resolve("forged.json"), tampered);
            Run refused = dvcqg("callback-check", forged.toString(), "--color=always");
            assertEquals(ExitCodes.INVALID, refused.status(), refused::toString);
            assertTrue(refused.out().contains("checksum       \u001B[31mdoes not match"), refused::toString);
            assertTrue(refused.out().contains("CHECKSUM_MISMATCH (MaXacThuc)"), refused::toString);
            assertTrue(refused.out().contains("|1500|"), "the string as the forged body signs it: " + refused);

            Path other = dir.resolve("other.json");
            Run unknown = Run.egov("pay", "callback-check", "--system", "dvcqg", "--url",
                    SANDBOX.sandbox().dvcqgPayUrl(), "--merchant", DvcqgPaySandbox.MERCHANT_CODE, "--key",
                    DvcqgPaySandbox.SECRET, "--store", other.toString(), "--json", file.toString());
            assertEquals(ExitCodes.INVALID, unknown.status(), unknown::toString);
            JsonNode why = JSON.readTree(unknown.out());
            assertEquals("unknown_reference", why.get("failure").asText(), unknown::toString);
            assertEquals("matches", why.get("checksum").asText(), "the checksum itself was right: " + unknown);
            for (Run run : List.of(created, again, pending, paid, check, text, refused, unknown)) {
                assertFalse(run.out().contains(DvcqgPaySandbox.SECRET) || run.err().contains(DvcqgPaySandbox.SECRET),
                        run::toString);
            }
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void reconcileADayOfThePaymentFileWithTheSystemsList() throws IOException {
        Run created = dvcqg("create", "--amount", "75000", "--dossier", "HS-RC-1", "--json");
        assertEquals(ExitCodes.OK, created.status(), created::toString);
        JsonNode start = JSON.readTree(created.out());
        String reference = start.get("reference").asText();
        java.time.ZonedDateTime at = java.time.Instant.parse(start.get("createdAt").asText())
                .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String day = at.toLocalDate().toString();
        String time = at.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String store = dir.resolve("payments.json").toString();

        Path agrees = Files.writeString(dir.resolve("agrees.csv"), "reference,amount,state,time\n"
                + reference + ",75000,PENDING," + time + "\n");
        Run clean = Run.egov("pay", "reconcile", "--system", "dvcqg", "--store", store, "--date", day,
                agrees.toString());
        assertEquals(ExitCodes.OK, clean.status(), clean::toString);
        assertTrue(clean.out().contains(day + ": 1 in the payment file, 1 on the system, no difference"),
                clean::toString);

        Path differs = Files.writeString(dir.resolve("differs.csv"), "reference,gateway_transaction_id,amount,state,"
                + "time\n" + reference + ",GD1,75000,PAID," + time + "\nSOMEONE-ELSES,GD2,10000,PAID," + time + "\n");
        Run report = Run.egov("pay", "reconcile", "--system", "dvcqg", "--store", store, "--date", day, "--json",
                differs.toString());
        assertEquals(ExitCodes.INVALID, report.status(), report::toString);
        JsonNode json = JSON.readTree(report.out());
        assertFalse(json.get("clean").asBoolean());
        String kinds = json.get("mismatches").toString();
        assertTrue(kinds.contains("\"kind\":\"status\",\"reference\":\"" + reference + "\""), kinds);
        assertTrue(kinds.contains("\"kind\":\"missing_in_ledger\",\"reference\":\"SOMEONE-ELSES\""), kinds);

        Path broken = Files.writeString(dir.resolve("broken.csv"), "reference,amount\nX,-5\n");
        Run unreadable = Run.egov("pay", "reconcile", "--system", "dvcqg", "--store", store, "--date", day,
                broken.toString());
        assertEquals(ExitCodes.UNREADABLE, unreadable.status(), unreadable::toString);
        assertEquals(ExitCodes.USAGE, Run.egov("pay", "reconcile", "--system", "dvcqg", "--date", "7/12/2026",
                agrees.toString()).status());
    }

    @Test
    void aCreationThatFailedIsRepeatedWithTheSameReference() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = dir.resolve("payments.json");
        Run failed = Run.egov("pay", "create", "--system", "dvcqg", "--url", "http://127.0.0.1:" + port + "/dvcqg-pay",
                "--merchant", DvcqgPaySandbox.MERCHANT_CODE, "--key", DvcqgPaySandbox.SECRET, "--store",
                file.toString(), "--amount", "20000", "--dossier", "HS-RETRY-1");
        assertEquals(ExitCodes.REMOTE, failed.status(), failed::toString);
        JsonNode kept = JSON.readTree(file.toFile()).get("payments");
        assertEquals(1, kept.size(), "the reference fixed before the request is kept: " + kept);
        String reference = kept.get(0).get("reference").asText();

        Run again = dvcqg("create", "--amount", "20000", "--dossier", "HS-RETRY-1", "--json");
        assertEquals(ExitCodes.OK, again.status(), again::toString);
        assertEquals(reference, JSON.readTree(again.out()).get("reference").asText(), again::toString);
        assertEquals(1, JSON.readTree(file.toFile()).get("payments").size());
    }

    @Test
    void keypayCreateStatusAndCallbackCheck() throws Exception {
        KeypaySandbox keypay = SANDBOX.sandbox().keypay();
        CompletableFuture<byte[]> captured = new CompletableFuture<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/keypay-callback", exchange -> {
            captured.complete(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
        keypay.callbackUrl(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/keypay-callback"));
        String[] common = {"--system", "keypay", "--url", keypay.url(), "--merchant", KeypaySandbox.CLIENT_ID,
            "--key", KeypaySandbox.HASH_KEY_1, "--key2", KeypaySandbox.HASH_KEY_2, "--store",
            dir.resolve("keypay.json").toString(), "--json"};
        List<String> create = new ArrayList<>(List.of("pay", "create", "--amount", "90000", "--dossier", "HS-KP-1"));
        create.addAll(List.of(common));
        Run created = Run.egov(create.toArray(String[]::new));
        assertEquals(ExitCodes.OK, created.status(), created::toString);
        String id = JSON.readTree(created.out()).get("reference").asText();
        keypay.pay(id);
        List<String> status = new ArrayList<>(List.of("pay", "status", id));
        status.addAll(List.of(common));
        Run paid = Run.egov(status.toArray(String[]::new));
        assertEquals(ExitCodes.OK, paid.status(), paid::toString);
        assertEquals("paid", JSON.readTree(paid.out()).get("state").asText(), paid::toString);

        Path file = Files.write(dir.resolve("keypay-callback.json"), captured.get(10, TimeUnit.SECONDS));
        endpoint.stop(0);
        List<String> check = new ArrayList<>(List.of("pay", "callback-check", file.toString()));
        check.addAll(List.of(common));
        Run verified = Run.egov(check.toArray(String[]::new));
        assertEquals(ExitCodes.OK, verified.status(), verified::toString);
        JsonNode verdict = JSON.readTree(verified.out());
        assertEquals("matches", verdict.get("checksum").asText(), verified::toString);
        assertTrue(verdict.get("signedString").asText().contains(id), "Keypay's signed string: " + verified);
        assertFalse(verified.out().contains(KeypaySandbox.HASH_KEY_2), verified::toString);
    }

    @Test
    void payGovThroughTheSandboxLgsp() throws IOException {
        var sandbox = SANDBOX.sandbox();
        String[] common = {"--system", "paygov", "--url", sandbox.payGov().baseUrl(), "--merchant",
            PayGovSandbox.PARTNER_CODE, "--key", PayGovSandbox.SECRET_KEY, "--access-key", PayGovSandbox.ACCESS_KEY,
            "--service-code", PayGovSandbox.SERVICE_CODE, "--unit-code", "000.00.15.H12", "--query-path",
            "/PayGov/Query", "--lgsp-access-key",
            PayGovSandbox.LGSP_ACCESS_KEY, "--lgsp-secret-key", "lgsp-secret-for-test", "--lgsp-token-url",
            sandbox.tokenUrl(), "--lgsp-client-id", NationalSandbox.DEFAULT_CLIENT_ID, "--lgsp-client-secret",
            NationalSandbox.DEFAULT_CLIENT_SECRET, "--store", dir.resolve("paygov.json").toString(), "--json"};
        List<String> create = new ArrayList<>(List.of("pay", "create", "--amount", "50000", "--dossier", "HS-PG-1",
                "--return-url", "https://dichvucong.example.gov.vn/paygov/return"));
        create.addAll(List.of(common));
        Run created = Run.egov(create.toArray(String[]::new));
        assertEquals(ExitCodes.OK, created.status(), created::toString);
        String reference = JSON.readTree(created.out()).get("reference").asText();
        assertTrue(sandbox.payGov().pay(reference), created::toString);
        List<String> status = new ArrayList<>(List.of("pay", "status", reference));
        status.addAll(List.of(common));
        Run paid = Run.egov(status.toArray(String[]::new));
        assertEquals(ExitCodes.OK, paid.status(), paid::toString);
        assertEquals("paid", JSON.readTree(paid.out()).get("state").asText(), paid::toString);
        assertFalse(paid.out().contains("lgsp-secret-for-test") || paid.err().contains("lgsp-secret-for-test"));

        Run incomplete = Run.egov("pay", "status", reference, "--system", "paygov", "--url",
                sandbox.payGov().baseUrl(), "--merchant", PayGovSandbox.PARTNER_CODE, "--key", "k", "--store",
                dir.resolve("paygov.json").toString());
        assertEquals(ExitCodes.USAGE, incomplete.status(), incomplete::toString);
        for (String option : new String[] {"--access-key", "--service-code", "--unit-code", "--lgsp-access-key"}) {
            assertTrue(incomplete.err().contains(option), option + ": " + incomplete);
        }
    }

    @Test
    void mistakesAreTypedErrors() throws IOException {
        Run noKey = Run.egov("pay", "status", "X", "--system", "keypay", "--url", "http://127.0.0.1:9/keypay",
                "--merchant", "M", "--key", "k1", "--store", dir.resolve("p.json").toString());
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("EGOV_PAYMENT_KEYPAY_HASH_KEY2") == null);
        assertEquals(ExitCodes.AUTHENTICATION, noKey.status(), noKey::toString);
        assertTrue(noKey.err().contains("--key2") && noKey.err().contains("EGOV_PAYMENT_KEYPAY_HASH_KEY2"), noKey::toString);

        Run unknown = dvcqg("status", "NOT-CREATED-HERE");
        assertEquals(ExitCodes.USAGE, unknown.status(), unknown::toString);
        assertTrue(unknown.err().startsWith("Lỗi: "), unknown::toString);

        Run zero = dvcqg("create", "--amount", "0", "--dossier", "HS-1");
        assertEquals(ExitCodes.USAGE, zero.status(), zero::toString);
        assertTrue(zero.err().contains("PaymentOrder.amount"), zero::toString);

        Files.writeString(dir.resolve("payments.json"), "[1, 2");
        Run broken = dvcqg("status", "X");
        assertEquals(ExitCodes.UNREADABLE, broken.status(), broken::toString);
        assertTrue(broken.err().contains("payment store"), broken::toString);

        assertEquals(ExitCodes.USAGE, Run.egov("pay", "create", "--system", "paypal", "--url", "http://x",
                "--merchant", "m", "--amount", "1", "--dossier", "d").status());
        Run missing = dvcqg("callback-check", dir.resolve("none.json").toString());
        assertEquals(ExitCodes.UNREADABLE, missing.status(), missing::toString);
        assertNotNull(Run.egov("pay", "--help").out());
        assertEquals(ExitCodes.USAGE, Run.egov("pay").status());
    }
}
