package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/**
 * WireMock's Jetty 12 server as the sandbox needs it: WireMock's own {@code /__admin} API answers 404 JSON to every
 * request (a tester cannot delete the catch-all stub or shut the server down), every other request first passes the
 * {@link RequestGuardFilter} (size cap, and a JSON 400 for a body WireMock cannot parse), and errors Jetty answers
 * itself (a malformed request line, a bad URI) are JSON too, never an HTML page.
 */
final class SandboxHttpServer extends Jetty12HttpServer {

    /** Set while the super constructor builds the handlers (no initialiser, so it is not overwritten after). */
    private RequestGuardFilter guard;

    SandboxHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs, long maxBodyBytes) {
        super(options, admin, stubs);
        guard.maxBodyBytes(maxBodyBytes);
    }

    @Override
    protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        jettyServer.setErrorHandler(new JsonErrorHandler());
    }

    @Override
    protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler adminServiceContext) {
        adminServiceContext.addFilter(new FilterHolder(RequestGuardFilter.closed()), "/*",
                EnumSet.allOf(DispatcherType.class));
        adminServiceContext.setErrorHandler(new JsonErrorHandler());
    }

    @Override
    protected void decorateMockServiceContextBeforeConfig(ServletContextHandler mockServiceContext) {
        guard = RequestGuardFilter.guarding();
        mockServiceContext.addFilter(new FilterHolder(guard), "/*",
                EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    protected void decorateMockServiceContextAfterConfig(ServletContextHandler mockServiceContext) {
        mockServiceContext.setErrorHandler(new JsonErrorHandler());
    }
}
