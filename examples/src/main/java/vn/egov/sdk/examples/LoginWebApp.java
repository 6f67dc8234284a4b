package vn.egov.sdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStart;

/**
 * The {@link Login} example's web application on the JDK's HTTP server: {@code /} with the login link,
 * {@code /login} that starts a login and sends the browser to the identity provider, the callback that finishes it,
 * {@code /me} that shows the identity and {@code /logout}. The pending login is bound to the browser by a cookie
 * (HttpOnly, SameSite=Lax, and Secure when the application's URL is https); the logged-in session is another such
 * cookie naming a session kept in memory.
 */
final class LoginWebApp implements AutoCloseable {
    static final String BINDING_COOKIE = "egov-login";
    static final String SESSION_COOKIE = "egov-session";
    private static final int MAX_SESSIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, LoginResult> sessions = new ConcurrentHashMap<>();
    private final URI baseUrl;
    private DvcqgOidcClient client;

    private LoginWebApp(HttpServer server, URI baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
    }

    /**
     * Binds the loopback interface on {@code port} (0: any free port), without serving yet: the redirect URI to
     * register needs the port first.
     */
    static LoginWebApp bind(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            return new LoginWebApp(server, URI.create("http://" + host + ":" + server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
    }

    /** Where the browser opens the application, without a trailing slash. */
    URI baseUrl() {
        return baseUrl;
    }

    /** Serves the pages with {@code client}, taking callbacks on {@code callbackPath}. */
    LoginWebApp serve(DvcqgOidcClient loginClient, String callbackPath) {
        this.client = loginClient;
        page("/", this::home);
        page(Login.LOGIN_PATH, this::startLogin);
        page(callbackPath, this::callback);
        page(Login.ME_PATH, this::me);
        page(Login.LOGOUT_PATH, this::logout);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** Serves {@code page} on exactly {@code path} (the JDK's contexts match by prefix). */
    private void page(String path, Page page) {
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                try (exchange) {
                    html(exchange, 404, LoginPages.simple("Không có trang này / Not found"));
                }
                return;
            }
            handle(exchange, page);
        });
    }

    private void home(HttpExchange exchange) throws IOException {
        String session = cookie(exchange, SESSION_COOKIE);
        html(exchange, 200, LoginPages.home(session != null && sessions.containsKey(session)));
    }

    private void startLogin(HttpExchange exchange) throws IOException {
        LoginStart start = client.startLogin(Login.ME_PATH);
        setCookie(exchange, BINDING_COOKIE, start.browserBinding(), start.maxAge().toSeconds());
        redirect(exchange, start.authorizationUrl().toString());
    }

    private void callback(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String binding = cookie(exchange, BINDING_COOKIE);
        LoginResult login = client.completeLogin(query == null ? "" : query, binding == null ? "" : binding);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear(); // an example: a real portal keeps sessions in its own session store
        }
        String session = randomId();
        sessions.put(session, login);
        setCookie(exchange, BINDING_COOKIE, "", 0);
        setCookie(exchange, SESSION_COOKIE, session, -1);
        redirect(exchange, login.returnPath());
    }

    private void me(HttpExchange exchange) throws IOException {
        String session = cookie(exchange, SESSION_COOKIE);
        LoginResult login = session == null ? null : sessions.get(session);
        if (login == null) {
            redirect(exchange, "/");
            return;
        }
        html(exchange, 200, LoginPages.identity(login));
    }

    private void logout(HttpExchange exchange) throws IOException {
        String session = cookie(exchange, SESSION_COOKIE);
        if (session != null) {
            sessions.remove(session);
        }
        setCookie(exchange, SESSION_COOKIE, "", 0);
        redirect(exchange, "/");
    }

    /** Runs a page; a typed error becomes an error page with a status that says whose fault it was. */
    private void handle(HttpExchange exchange, Page page) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                html(exchange, 405, LoginPages.simple("GET only"));
                return;
            }
            try {
                page.serve(exchange);
            } catch (EgovException e) {
                int status = switch (e.fault()) {
                    case CALLER, VERIFICATION -> 400;
                    case COUNTERPARTY -> 403;
                    case NETWORK -> 504;
                    case PLATFORM -> 502;
                };
                setCookie(exchange, BINDING_COOKIE, "", 0);
                html(exchange, status, LoginPages.error(e));
            }
        }
    }

    /** The value of a request cookie, or null. */
    static String cookie(HttpExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return part.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    private void setCookie(HttpExchange exchange, String name, String value, long maxAgeSeconds) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                + ("https".equals(baseUrl.getScheme()) ? "; Secure" : "")
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : ""));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(303, -1);
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One page's work; may throw the SDK's typed errors. */
    @FunctionalInterface
    private interface Page {
        void serve(HttpExchange exchange) throws IOException;
    }
}
