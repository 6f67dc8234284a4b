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
    void launchAnnouncesTheAddressAndTheControlApi() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StandaloneSandbox.Launch launch = StandaloneSandbox.launch(new String[] {"--port", "" + port}, out, out);
        try (NationalSandbox sandbox = launch.sandbox()) {
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
            assertTrue(lines[6].contains(sandbox.sso().issuer()) && lines[6].contains(SsoSandbox.DEFAULT_CLIENT_ID),
                    lines[6]);
            assertTrue(lines[7].contains(sandbox.baseUrl() + "/_sandbox/"), lines[7]);
            assertEquals(8, lines.length);
            assertTrue(sandbox.isRunning());
        }
    }

    @Test
    void helpListsOptionsSystemsKeysAndEndpointsAndExitsZero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = StandaloneSandbox.run(new String[] {"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        String help = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status);
        assertEquals(0, errors.size());
        for (String expected : new String[] {"--port", "--vdxp-window", "--allow-remote-control", VdxpSandbox.SYSTEM_1,
            VdxpSandbox.SECRET_2, LgspSandbox.SYSTEM_2_SECRET_KEY, SmartCaSandbox.SP_PASSWORD, SmartCaSandbox.TOTP_SECRET,
            NationalSandbox.DEFAULT_CLIENT_SECRET, "/vdxp/", "/lgsp/v1/", "/_sandbox/", TestPki.TSA_PATH,
            "/sso/oauth2/authorize", "/sso/oauth2/token", "/sso/oidc/logout", "/sso/_test/login",
            SsoSandbox.DEFAULT_CLIENT_SECRET, SsoTestUser.ORGANISATION.key()}) {
            assertTrue(help.contains(expected), expected + " missing from:\n" + help);
        }
    }

    @Test
    void anUnknownArgumentExitsTwoWithAHint() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = StandaloneSandbox.run(new String[] {"--verbose"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("NationalSandbox: unknown argument: --verbose (try --help)",
                errors.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aBusyPortPrintsOneLineAndExitsOne() throws IOException {
        try (NationalSandbox busy = NationalSandbox.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = StandaloneSandbox.run(new String[] {"--port", "" + busy.port()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(errors, true, StandardCharsets.UTF_8));
            String error = errors.toString(StandardCharsets.UTF_8);
            assertEquals(1, status);
            assertEquals(1, error.strip().lines().count(), error);
            assertTrue(error.contains("port is in use") && error.contains(":" + busy.port()), error);
            assertEquals(0, out.size());
        }
    }
}
