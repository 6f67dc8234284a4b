package vn.egov.sdk.testkit;

import vn.egov.sdk.core.ValidationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class NationalSandboxTest {

    @Test
    void startsOnAFreeLoopbackPort() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            assertTrue(sandbox.port() > 0);
            assertEquals("http://127.0.0.1:" + sandbox.port(), sandbox.baseUrl());
            assertTrue(sandbox.isRunning());
            HttpResponse<String> response = new SandboxHttp(sandbox).send(
                    new SandboxHttp(sandbox).request("/demo/public").GET().build());
            assertEquals(200, response.statusCode());
        }
    }

    @Test
    void startsOnAGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (NationalSandbox sandbox = NationalSandbox.start(port)) {
            assertEquals(port, sandbox.port());
            assertEquals("http://127.0.0.1:" + port, sandbox.baseUrl());
        }
    }

    @Test
    void refusesATakenPort() {
        try (NationalSandbox first = NationalSandbox.start()) {
            assertThrows(IllegalStateException.class, () -> NationalSandbox.start(first.port()));
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() {
        NationalSandbox sandbox = NationalSandbox.start();
        SandboxHttp http = new SandboxHttp(sandbox);

        sandbox.close();
        sandbox.close();

        assertFalse(sandbox.isRunning());
        assertTrue(sandbox.toString().contains("closed"));
        assertThrows(UncheckedIOException.class,
                () -> SandboxHttp.send(SandboxHttp.newClient(), http.request("/demo/public").GET().build()));
    }

    @Test
    void resetKeepsClientsAndZeroesCounters() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            sandbox.registerClient("extra", "secret");
            String token = http.token();
            http.send(http.orderRequest(token, "{}", "k"));
            assertEquals(1, sandbox.ordersCreated());

            sandbox.reset();

            assertEquals(0, sandbox.ordersCreated());
            assertEquals(0, sandbox.tokensIssued());
            assertEquals(0, sandbox.requestsTo("/demo/orders"));
            assertEquals(200, http.tokenWithBasic("extra", "secret", "grant_type=client_credentials").statusCode());
            // the idempotency key was forgotten: the same key now creates a new order
            assertEquals(201, http.send(http.orderRequest(token, "{}", "k")).statusCode());
            assertEquals(1, sandbox.ordersCreated());
        }
    }

    @Test
    void builderValidatesSettings() {
        NationalSandboxBuilder builder = NationalSandbox.builder();
        assertThrows(ValidationException.class, () -> builder.port(-1));
        assertThrows(ValidationException.class, () -> builder.port(65_536));
        assertThrows(ValidationException.class, () -> builder.tokenLifetime(java.time.Duration.ZERO));
        assertThrows(ValidationException.class, () -> builder.client(" ", "x"));
        assertThrows(ValidationException.class, () -> builder.client("x", ""));
        assertThrows(ValidationException.class, () -> builder.clock(null));
    }
}
