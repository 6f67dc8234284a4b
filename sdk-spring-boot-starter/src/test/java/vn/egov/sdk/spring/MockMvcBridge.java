package vn.egov.sdk.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A local HTTP server that hands every request to a {@link MockMvc} and answers with its response: so the sandbox's
 * payment simulators can deliver their callbacks, over HTTP, to the application's endpoints under test.
 */
final class MockMvcBridge implements AutoCloseable {
    private final HttpServer server;
    private final MockMvc mvc;

    private MockMvcBridge(MockMvc mvc) throws IOException {
        this.mvc = mvc;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static MockMvcBridge start(MockMvc mvc) {
        try {
            return new MockMvcBridge(mvc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        MockHttpServletResponse r;
        try {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            r = mvc.perform(post(exchange.getRequestURI()).contentType(type == null ? "application/json" : type)
                    .content(body)).andReturn().getResponse();
        } catch (Exception e) {
            exchange.sendResponseHeaders(599, -1);
            exchange.close();
            return;
        }
        byte[] reply = r.getContentAsByteArray();
        if (r.getContentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", r.getContentType());
        }
        exchange.sendResponseHeaders(r.getStatus(), reply.length == 0 ? -1 : reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
