package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.ReceivedCall;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * {@code examples/sandbox-curl.sh}, the curl-only path through the standalone sandbox (docs/SANDBOX.md), run as a
 * tester runs it: against a sandbox started with the standalone program's default options, the result checked
 * through the script's exit status and output and through the sandbox's Java accessors.
 */
class SandboxCurlScriptTest {

    private static final long TIMEOUT_SECONDS = 180;
    private static final Pattern SENT = Pattern.compile("sent: DocId=(\\S+)");

    private static NationalSandbox sandbox;

    @BeforeAll
    static void startLikeTheStandaloneProgram() {
        assumeTools("bash", "curl", "openssl", "sha256sum", "base64");
        // the options StandaloneSandbox takes from an empty command line
        sandbox = NationalSandbox.builder().port(0).vdxpTimestampWindow(VdxpSandbox.DEFAULT_WINDOW)
                .controlFromAnyHost(false).start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void drivesTheSandboxEndToEndAndLeavesItEmpty() throws Exception {
        Run run = runScript(script(), sandbox.baseUrl());

        assertEquals(0, run.exit(), run.output());
        for (String marker : List.of("== step 1: the control API answers", "sign-header (the exact string signed): {",
                "hash-header: ", "sent: DocId=", "listed: ", "fetched SHA-256 verified: ", "acknowledged: ",
                "refused: ErrorCode", "faulted: HTTP 503 sandbox_fault", "faulted: curl exit status",
                "\"kind\":\"connectionReset\",\"remaining\":-1", "cleared: no fault armed", "\"calls\":[{",
                "state is empty: no package, no call", "OK: every step answered as expected")) {
            assertTrue(run.output().contains(marker), "output lacks '" + marker + "':\n" + run.output());
        }
        assertEquals(0, sandbox.vdxp().storedPackages(), "the script's final reset empties the axis");
        assertTrue(sandbox.calls(1000).isEmpty(), "the script's final reset empties the call log");
    }

    @Test
    void theSentDocumentArrivesInTheSandbox() throws Exception {
        Run run = runScript(script(), "--keep", sandbox.baseUrl());

        assertEquals(0, run.exit(), run.output());
        Matcher sent = SENT.matcher(run.output());
        assertTrue(sent.find(), run.output());
        assertEquals(List.of(sent.group(1)), sandbox.vdxp().storedDocIds());
        List<ReceivedCall> calls = sandbox.calls(1000);
        assertTrue(calls.stream().anyMatch(c -> c.path().equals("/vdxp/sendEdoc") && c.status() == 200
                && c.fault().isEmpty()), calls::toString);
        assertTrue(calls.stream().anyMatch(c -> c.path().equals("/vdxp/getReceivedEdocList") && c.status() == 503
                && c.fault().equals("status 503")), calls::toString);
        assertTrue(calls.stream().anyMatch(c -> c.path().equals("/vdxp/sendEdoc")
                && c.fault().equals("connectionReset")), calls::toString);
        assertTrue(run.output().contains("final reset skipped"), run.output());
        sandbox.reset();
    }

    @Test
    void aWrongHmacStopsTheScriptAtTheSend(@TempDir Path dir) throws Exception {
        String text = Files.readString(script(), StandardCharsets.UTF_8);
        String hmacLine = "openssl dgst -sha256 -hmac \"$secret\"";
        assertTrue(text.contains(hmacLine), "the script no longer computes the HMAC as this test expects");
        Path broken = dir.resolve("sandbox-curl.sh");
        Files.writeString(broken, text.replace(hmacLine, "openssl dgst -sha256 -hmac \"x$secret\""),
                StandardCharsets.UTF_8);

        Run run = runScript(broken, sandbox.baseUrl(), letter().toString());

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("FAILED at step 4"), run.output());
        assertTrue(run.output().contains("hash-header is not the HMAC-SHA256"), run.output());
        assertEquals(0, sandbox.vdxp().storedPackages());
    }

    @Test
    void saysSoWhenNoSandboxListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run run = runScript(script(), "http://127.0.0.1:" + port);

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("no sandbox at http://127.0.0.1:" + port), run.output());
    }

    private record Run(int exit, String output) {
    }

    private static Run runScript(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("sandbox-curl", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the script did not end within " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path script() {
        return examplesFile("sandbox-curl.sh");
    }

    private static Path letter() {
        return examplesFile("sandbox/letter.edxml");
    }

    /** A file under examples/, from the repository root Maven passes, or from the module or root directory. */
    private static Path examplesFile(String name) {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("egov.repo.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Paths.get(root, "examples", name));
        }
        candidates.add(Paths.get(name));
        candidates.add(Paths.get("examples", name));
        return candidates.stream().filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new AssertionError("examples/" + name + " not found from " + candidates));
    }

    private static void assumeTools(String... tools) {
        String path = System.getenv("PATH");
        for (String tool : tools) {
            boolean found = path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                    .filter(d -> !d.isBlank())
                    .anyMatch(d -> Files.isExecutable(Paths.get(d, tool)));
            assumeTrue(found, tool + " is not on the PATH: examples/sandbox-curl.sh cannot run, its test is skipped");
        }
    }
}
