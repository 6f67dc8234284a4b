package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {

    @Test
    void startsPrintsItsUrlsAndServes() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Egov());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        AtomicInteger status = new AtomicInteger(-1);
        Thread runner = new Thread(() -> status.set(cmd.execute("sandbox", "--port", "0")), "egov-sandbox-test");
        // serves until the JVM ends (its shutdown hook closes it), as under Ctrl+C; a daemon, so it does not hold the JVM
        runner.setDaemon(true);
        runner.start();
        Matcher url = null;
        for (int i = 0; i < 300 && url == null; i++) {
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(out.toString());
            if (m.find()) {
                url = m;
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(url != null, () -> "no URL printed:\n" + out + err);
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url.group() + "/vdxp/getAgenciesList")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(reply.statusCode() > 0);
        Thread.sleep(200);
        assertTrue(runner.isAlive(), () -> "stopped with " + status.get() + "\n" + out + err);
        assertEquals("", err.toString());
    }

    @Test
    void aTakenPortCannotStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = Run.egov("sandbox", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCodes.CANNOT_START, run.status(), run::toString);
            assertTrue(run.err().startsWith("Lỗi: "), run::toString);
            assertTrue(run.err().contains("Error: cannot start the sandbox: cannot listen on 127.0.0.1:"),
                    run::toString);
        }
    }

    @Test
    void wrongOptionsAreUsageErrorsCheckedByTheStandaloneSandbox() {
        Run run = Run.egov("sandbox", "--port", "99999");
        assertEquals(ExitCodes.USAGE, run.status(), run::toString);
        assertTrue(run.err().contains("--port must be 0..65535"), run::toString);
        assertEquals(ExitCodes.USAGE, Run.egov("sandbox", "--vdxp-window", "soon").status());
        assertEquals(ExitCodes.USAGE, Run.egov("sandbox", "--nope").status());
        Run help = Run.egov("sandbox", "--help");
        assertEquals(ExitCodes.OK, help.status());
        assertTrue(help.out().contains("--vdxp-window"), help::toString);
    }
}
