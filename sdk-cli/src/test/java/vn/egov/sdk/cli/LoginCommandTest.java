package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * egov login against the sandbox's national SSO: with a test citizen through the simulator's test API, and as a
 * browser would (the test follows the printed URL, the command receives the redirect on its loopback port).
 */
class LoginCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "egov-cli-test";
    private static final String SECRET = "egov-cli-test-secret-4711";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private static int port;

    @BeforeAll
    static void registerTheCommandLineAsAClient() throws IOException {
        port = freePort();
        SANDBOX.sandbox().sso().registerClient(CLIENT, SECRET, redirectUri());
    }

    private static String redirectUri() {
        return "http://127.0.0.1:" + port + "/callback";
    }

    private static List<String> login(String... args) {
        List<String> all = new ArrayList<>(List.of("login", "--issuer", SANDBOX.sandbox().sso().issuer(),
                "--client-id", CLIENT, "--redirect-uri", redirectUri()));
        all.addAll(List.of(args));
        return all;
    }

    @Test
    void aTestCitizenLogsInWithoutABrowser() throws IOException {
        Run run = Run.egov(login("--client-secret", SECRET, "--test-citizen", "citizen-vneid-ial2", "--json")
                .toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        JsonNode id = JSON.readTree(run.out());
        assertEquals("CITIZEN (1)", id.get("accountType").asText(), run::toString);
        assertEquals("IAL2", id.get("ial").asText(), run::toString);
        assertEquals("SIGNATURE", id.get("idTokenVerification").asText(), run::toString);
        assertEquals(SANDBOX.sandbox().sso().issuer(), id.get("issuer").asText());
        String number = SsoTestUser.CITIZEN_VNEID_IAL2.claims().get("SoDinhDanh").toString();
        assertTrue(id.get("personalIdNumber").asText().endsWith(number.substring(number.length() - 3)), run::toString);
        assertFalse(run.out().contains(number), "the ID number is masked: " + run);
        assertTrue(run.err().contains("/oauth2/authorize?") && run.err().contains("code_challenge_method=S256"),
                "the authorization URL is printed, with PKCE: " + run);
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run::toString);
        assertFalse(run.out().contains("access_token") || run.out().contains("eyJ"), "no token printed: " + run);
    }

    @Test
    void aBrowserFollowsThePrintedUrlAndTheRedirectComesBackToTheLoopbackPort() throws Exception {
        StringWriter out = new StringWriter();
        PipedErr err = new PipedErr();
        CommandLine cmd = new CommandLine(new Egov());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> cmd.execute(
                login("--client-secret", SECRET, "--timeout", "30").toArray(String[]::new)));
        String url = err.awaitUrl();
        URI callback = SANDBOX.sandbox().sso().login(url, SsoTestUser.ENTERPRISE);
        assertTrue(callback.toString().startsWith(redirectUri() + "?"), callback.toString());
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/favicon.ico"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode(), "only the redirect path is served");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("go back to the terminal"), page.body());
        assertEquals(ExitCodes.OK, status.get(30, TimeUnit.SECONDS), () -> out + "\n" + err);
        assertTrue(out.toString().contains("ENTERPRISE (2)"), out::toString);
        assertTrue(out.toString().contains(SsoTestUser.ENTERPRISE.claims().get("MaSoThue").toString()), out::toString);
    }

    @Test
    void mistakesAreTypedErrors() throws IOException {
        Run wrong = Run.egov(login("--client-secret", "not-the-secret-0815", "--test-citizen", "citizen-vneid-ial2")
                .toArray(String[]::new));
        assertEquals(ExitCodes.AUTHENTICATION, wrong.status(), wrong::toString);
        assertTrue(wrong.err().contains("Error: "), wrong::toString);
        assertFalse(wrong.err().contains("not-the-secret-0815"), wrong::toString);

        Run unknownUser = Run.egov(login("--client-secret", SECRET, "--test-citizen", "nobody").toArray(String[]::new));
        assertEquals(ExitCodes.REMOTE, unknownUser.status(), unknownUser::toString);
        assertTrue(unknownUser.err().contains("nobody"), unknownUser::toString);

        Run late = Run.egov(login("--client-secret", SECRET, "--timeout", "1").toArray(String[]::new));
        assertEquals(ExitCodes.REMOTE, late.status(), late::toString);
        assertTrue(late.err().contains("within 1 s"), late::toString);

        Run remote = Run.egov("login", "--issuer", SANDBOX.sandbox().sso().issuer(), "--client-id", CLIENT,
                "--client-secret", SECRET, "--redirect-uri", "https://example.org/callback");
        assertEquals(ExitCodes.USAGE, remote.status(), remote::toString);
        assertTrue(remote.err().contains("--redirect-uri"), remote::toString);

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run busy = Run.egov("login", "--issuer", SANDBOX.sandbox().sso().issuer(), "--client-id", CLIENT,
                    "--client-secret", SECRET, "--redirect-uri", "http://127.0.0.1:" + taken.getLocalPort() + "/cb");
            assertEquals(ExitCodes.CANNOT_START, busy.status(), busy::toString);
        }
        if (System.getenv("EGOV_SSO_CLIENT_SECRET") == null) {
            Run none = Run.egov(login().toArray(String[]::new));
            assertEquals(ExitCodes.AUTHENTICATION, none.status(), none::toString);
            assertTrue(none.err().contains("EGOV_SSO_CLIENT_SECRET"), none::toString);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Standard error as the command writes it, watched for the authorization URL. */
    private static final class PipedErr extends StringWriter {
        private static final Pattern URL = Pattern.compile("(http\\S+/oauth2/authorize\\?\\S+)");

        String awaitUrl() throws InterruptedException {
            for (int i = 0; i < 300; i++) {
                Matcher m;
                synchronized (this) {
                    m = URL.matcher(toString());
                }
                if (m.find()) {
                    return m.group(1);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no authorization URL printed: " + this);
        }

        @Override
        public synchronized void write(String str, int off, int len) {
            super.write(str, off, len);
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            super.write(cbuf, off, len);
        }

        @Override
        public synchronized void write(int c) {
            super.write(c);
        }
    }
}
