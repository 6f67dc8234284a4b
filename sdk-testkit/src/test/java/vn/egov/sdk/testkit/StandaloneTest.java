package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandaloneTest {

    @Test
    void defaultsToAFreePort() {
        assertEquals(0, StandaloneOptions.parse().port());
    }

    @Test
    void readsPortInBothForms() {
        assertEquals(8089, StandaloneOptions.parse("--port", "8089").port());
        assertEquals(65535, StandaloneOptions.parse("--port=65535").port());
        assertEquals(0, StandaloneOptions.parse("--port", "0").port());
    }

    @Test
    void readsTheNationalAxisTimestampWindow() {
        assertEquals(VdxpSandbox.DEFAULT_WINDOW, StandaloneOptions.parse().vdxpWindow());
        assertEquals(java.time.Duration.ofHours(2), StandaloneOptions.parse("--vdxp-window", "7200").vdxpWindow());
        assertEquals(java.time.Duration.ZERO, StandaloneOptions.parse("--port=1", "--vdxp-window=0").vdxpWindow());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandaloneOptions.parse("--vdxp-window", "-3")).getMessage().contains("0..31622400"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandaloneOptions.parse("--vdxp-window", "5m")).getMessage().contains("seconds"));
    }

    @Test
    void rejectsBadArguments() {
        assertEquals("--port needs a value",
                assertThrows(IllegalArgumentException.class, () -> StandaloneOptions.parse("--port")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandaloneOptions.parse("--port", "abc")).getMessage().contains("not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandaloneOptions.parse("--port", "70000")).getMessage().contains("0..65535"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandaloneOptions.parse("--port=-1")).getMessage().contains("0..65535"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandaloneOptions.parse("--verbose")).getMessage().contains("unknown argument"));
    }

    @Test
    void startStandaloneAnnouncesTheAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             NationalSandbox sandbox = NationalSandbox.startStandalone(new String[] {"--port", "" + port}, out)) {
            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
            assertEquals("NationalSandbox listening on http://127.0.0.1:" + port, lines[0]);
            assertTrue(lines[1].contains(NationalSandbox.DEFAULT_CLIENT_ID));
            assertTrue(lines[2].contains(sandbox.vdxpUrl()) && lines[2].contains(VdxpSandbox.SYSTEM_1)
                    && lines[2].contains("timestamp window " + VdxpSandbox.DEFAULT_WINDOW.toSeconds() + " s"),
                    lines[2]);
            assertTrue(lines[3].contains(sandbox.lgspUrl()) && lines[3].contains(LgspSandbox.SYSTEM_1_ID), lines[3]);
            assertTrue(lines[4].contains(sandbox.baseUrl() + "/pki/") && lines[4].contains(TestPki.OCSP_PATH),
                    lines[4]);
            assertTrue(lines[5].contains(sandbox.smartCaUrl()) && lines[5].contains(SmartCaSandbox.SP_ID), lines[5]);
            assertEquals(6, lines.length);
            assertTrue(sandbox.isRunning());
        }
    }

    @Test
    void startStandaloneStartsNothingOnBadArguments() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThrows(IllegalArgumentException.class,
                () -> NationalSandbox.startStandalone(new String[] {"--port", "x"}, out));
        assertEquals(0, bytes.size());
    }
}
