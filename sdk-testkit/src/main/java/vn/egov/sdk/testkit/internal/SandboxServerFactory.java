package vn.egov.sdk.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Builds and starts the WireMock server behind a sandbox: loopback only, HTTP/1.1, one catch-all stub, WireMock's
 * admin API closed ({@link SandboxHttpServer}).
 */
public final class SandboxServerFactory {

    /** The only address the sandbox listens on. */
    public static final String BIND_ADDRESS = "127.0.0.1";

    private SandboxServerFactory() {
    }

    /**
     * Starts a server whose every request goes through {@code transformer}.
     *
     * @param port the TCP port, or 0 for a free one
     * @param transformer the sandbox's request handler
     * @param maxBodyBytes the largest request body accepted; a larger one gets HTTP 413
     * @return the running server
     * @throws IllegalStateException when the server cannot start (for example, the port is taken)
     */
    public static WireMockServer start(int port, SandboxTransformer transformer, long maxBodyBytes) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        WireMockConfiguration config = wireMockConfig()
                .bindAddress(BIND_ADDRESS)
                // Faults act on the raw socket, so keep cleartext HTTP/1.1 (no h2c upgrade).
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .disableRequestJournal()
                // WireMock would otherwise set a JVM-wide system property for Jetty
                .disableStrictHttpHeaders(true)
                .httpServerFactory((options, admin, stubs) -> new SandboxHttpServer(options, admin, stubs,
                        maxBodyBytes))
                .templatingEnabled(false)
                .stubRequestLoggingDisabled(true)
                .notifier(new Slf4jNotifier(false))
                .extensions(transformer);
        config = port == 0 ? config.dynamicPort() : config.port(port);
        WireMockServer server = new WireMockServer(config);
        try {
            server.start();
        } catch (Exception e) { // WireMock rethrows Jetty's checked exceptions unchecked-style
            IllegalStateException failure = new IllegalStateException(
                    "cannot start the national sandbox on " + BIND_ADDRESS + ':' + port, e);
            stopQuietly(server, failure);
            throw failure;
        }
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(SandboxTransformer.NAME)));
        return server;
    }

    /** Releases whatever a failed start left behind; WireMock may throw (even checked exceptions) here. */
    private static void stopQuietly(WireMockServer server, Exception failure) {
        try {
            server.stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
