package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * The README's {@code java.util.logging} bridge, run as shown while a call goes to the sandbox; the JVM's
 * {@code java.util.logging} root handlers are put back afterwards, so no other test sees the change.
 */
class LoggingDocsTest {
    @Test
    void julRecordsGoToSlf4j() {
        Logger root = LogManager.getLogManager().getLogger("");
        List<Handler> before = List.of(root.getHandlers());
        try (NationalSandbox sandbox = NationalSandbox.start(); HttpRuntime runtime = HttpRuntime.builder().build()) {
            // snippet:logging-jul-bridge
            SLF4JBridgeHandler.removeHandlersForRootLogger(); // org.slf4j.bridge.SLF4JBridgeHandler
            SLF4JBridgeHandler.install();
            // end:logging-jul-bridge
            assertTrue(SLF4JBridgeHandler.isInstalled());
            assertFalse(List.of(root.getHandlers()).stream().anyMatch(before::contains), "console handler removed");
            assertEquals(200, runtime.execute(ApiRequest.get(sandbox.baseUrl() + "/pki/root.crt")).status());
        } finally {
            SLF4JBridgeHandler.uninstall();
            before.forEach(root::addHandler);
        }
    }
}
