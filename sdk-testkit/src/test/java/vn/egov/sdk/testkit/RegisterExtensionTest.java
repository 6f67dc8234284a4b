package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisterExtensionTest {

    /** A subclass using every hook, as a project's own extension would. */
    static final class ProvinceSandbox extends NationalSandboxExtension {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();

        @Override
        protected void configure(NationalSandboxBuilder builder) {
            builder.tokenLifetime(Duration.ofMinutes(2)).client("so-tttt-hanoi", "p@ss word");
        }

        @Override
        protected void onStarted(NationalSandbox sandbox) {
            starts.incrementAndGet();
        }

        @Override
        protected void afterReset(NationalSandbox sandbox) {
            resets.incrementAndGet();
            sandbox.faults().on("/demo/public").status(503);
        }
    }

    @RegisterExtension
    static ProvinceSandbox extension = new ProvinceSandbox();

    @Test
    void configureHookAppliesSettings() {
        SandboxHttp http = new SandboxHttp(extension.sandbox());

        HttpResponse<String> response = http.tokenWithBasic("so-tttt-hanoi", "p@ss word",
                "grant_type=client_credentials");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(120, SandboxHttp.json(response).get("expires_in").asInt());
        assertEquals(1, extension.starts.get());
    }

    @Test
    void afterResetHookRunsBeforeEachTest(NationalSandbox injected) {
        assertSame(extension.sandbox(), injected);
        SandboxHttp http = new SandboxHttp(injected);

        assertEquals(503, http.send(http.request("/demo/public").GET().build()).statusCode());
        assertEquals(200, http.send(http.request("/demo/public").GET().build()).statusCode());
        assertEquals(1, extension.starts.get());
    }
}
