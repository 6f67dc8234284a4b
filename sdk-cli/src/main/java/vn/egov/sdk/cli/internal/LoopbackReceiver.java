package vn.egov.sdk.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives the login's redirect on the loopback interface (RFC 8252 §7.3): an HTTP server on 127.0.0.1 only, one
 * {@code GET} of one path taken, every other request answered 404 (a browser also asks for {@code /favicon.ico}),
 * stopped when closed.
 */
final class LoopbackReceiver implements AutoCloseable {
    private static final byte[] DONE_PAGE = ("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\">"
            + "<title>egov login</title><p>Đã nhận kết quả đăng nhập, hãy quay lại cửa sổ dòng lệnh.</p>"
            + "<p>The login result was received: go back to the terminal.</p></html>")
            .getBytes(StandardCharsets.UTF_8);

    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;
    private final String path;
    private final CompletableFuture<String> query = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /**
     * Starts listening.
     *
     * @param port the port, 0 for a free one
     * @param path the redirect URI's path
     * @return the receiver
     * @throws CannotStartException when the port cannot be bound
     */
    static LoopbackReceiver start(int port, String path) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 0);
        } catch (IOException e) {
            throw new CannotStartException("cannot listen on 127.0.0.1:" + port + " for the login redirect: "
                    + e.getMessage(), e);
        }
        LoopbackReceiver receiver = new LoopbackReceiver(server, path);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /**
     * The port listened on.
     *
     * @return the port
     */
    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Waits for the redirect.
     *
     * @param limit how long to wait
     * @return its query string (empty text when it had none)
     * @throws LoginTimeoutException when no redirect came in time
     */
    String await(Duration limit) {
        try {
            return query.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LoginTimeoutException("no login redirect to 127.0.0.1:" + port() + path + " within "
                    + limit.toSeconds() + " s (the login was not finished in the browser)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginTimeoutException("interrupted while waiting for the login redirect");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The redirect, if it came.
     *
     * @return its query string
     */
    Optional<String> received() {
        return Optional.ofNullable(query.getNow(null));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean ours = "GET".equals(exchange.getRequestMethod())
                    && path.equals(exchange.getRequestURI().getRawPath());
            if (!ours) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String raw = exchange.getRequestURI().getRawQuery();
            if (!query.complete(raw == null ? "" : raw)) {
                exchange.sendResponseHeaders(410, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, DONE_PAGE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(DONE_PAGE);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
