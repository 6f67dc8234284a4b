package vn.egov.sdk.examples;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.identity.ClientAuthMethod;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdentityPolicy;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SsoSandbox;

/**
 * "Log in with the national SSO": a small local web application on the JDK's HTTP server that logs a citizen, an
 * enterprise or an organisation in through the sandbox's national SSO (the Cổng DVCQG login, federating VNeID) with
 * {@link DvcqgOidcClient}, then shows the typed identity: account type, name, masked ID numbers, TechID, the VNeID
 * level (IAL) and the key to map the account to the portal's own users.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am -DskipTests package exec:java
 * -Dexec.mainClass=vn.egov.sdk.examples.Login} and open the URL it prints. Options: {@code --port N} (default: a
 * free port) and {@code --sandbox URL} to use a sandbox already running (the standalone jar) instead of starting
 * one: then the default test client is used, whose registered redirect URI is
 * {@value SsoSandbox#DEFAULT_REDIRECT_URI}, so the application listens on port 8080.
 *
 * <p>Against the real SSO, build the client with {@link OidcProvider#dvcqgProduction()}, the client id and secret
 * the operator registered, and the public https URL of the callback.
 */
public final class Login {
    static final String LOGIN_PATH = "/login";
    static final String CALLBACK_PATH = "/callback";
    static final String ME_PATH = "/me";
    static final String LOGOUT_PATH = "/logout";
    static final String CLIENT_ID = "login-example";
    static final String CLIENT_SECRET = "login-example-secret"; // a sandbox value

    private Login() {
    }

    /** The running example: its web application, the login client and, when it started one, the sandbox. */
    record Running(LoginWebApp app, DvcqgOidcClient client, NationalSandbox ownSandbox) implements AutoCloseable {
        /** The URL to open. */
        URI url() {
            return URI.create(app.baseUrl() + "/");
        }

        @Override
        public void close() {
            app.close();
            client.close();
            if (ownSandbox != null) {
                ownSandbox.close();
            }
        }
    }

    /**
     * Entry point.
     *
     * @param args {@code --port N}, {@code --sandbox URL}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        String sandboxUrl = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--sandbox") && i + 1 < args.length) {
                sandboxUrl = args[++i];
            } else {
                throw new IllegalArgumentException("usage: Login [--port N] [--sandbox URL]; unknown argument '"
                        + args[i] + "'");
            }
        }
        Running running = sandboxUrl == null ? start(NationalSandbox.start(), port, true)
                : connect(sandboxUrl, port);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        PrintStream out = System.out;
        out.println("Open " + running.url() + " in a browser and log in with one of the sandbox's test users;"
                + " press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    /**
     * Starts the example against an embedded sandbox: registers this application as an SSO client with its own
     * redirect URI {@code http://127.0.0.1:PORT/callback}.
     *
     * @param sandbox the sandbox
     * @param port the port, 0 for a free one
     * @param ownsSandbox whether closing the example closes the sandbox
     */
    static Running start(NationalSandbox sandbox, int port, boolean ownsSandbox) {
        LoginWebApp app = LoginWebApp.bind("127.0.0.1", port);
        try {
            String redirectUri = app.baseUrl() + CALLBACK_PATH;
            sandbox.sso().registerClient(CLIENT_ID, CLIENT_SECRET, redirectUri);
            DvcqgOidcClient client = client(sandbox.sso().issuer(), CLIENT_ID, CLIENT_SECRET, redirectUri);
            app.serve(client, CALLBACK_PATH);
            return new Running(app, client, ownsSandbox ? sandbox : null);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Starts the example against a sandbox already running at {@code sandboxUrl}, as its default SSO client. */
    static Running connect(String sandboxUrl, int port) {
        URI registered = URI.create(SsoSandbox.DEFAULT_REDIRECT_URI);
        if (port != 0 && port != registered.getPort()) {
            throw new IllegalArgumentException("with --sandbox the application listens on port " + registered.getPort()
                    + ", the port of the default client's registered redirect URI " + registered);
        }
        LoginWebApp app = LoginWebApp.bind(registered.getHost(), registered.getPort());
        try {
            DvcqgOidcClient client = client(sandboxUrl.replaceAll("/+$", "") + "/sso", SsoSandbox.DEFAULT_CLIENT_ID,
                    SsoSandbox.DEFAULT_CLIENT_SECRET, SsoSandbox.DEFAULT_REDIRECT_URI);
            app.serve(client, registered.getPath());
            return new Running(app, client, null);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** The login client: the provider read from its discovery document, so ID tokens are checked by signature. */
    static DvcqgOidcClient client(String issuer, String clientId, String clientSecret, String redirectUri) {
        return client(issuer, clientId, clientSecret, redirectUri, IdentityPolicy.allowAll());
    }

    /** The login client with an identity policy. */
    static DvcqgOidcClient client(String issuer, String clientId, String clientSecret, String redirectUri,
            IdentityPolicy policy) {
        ClientSettings settings = ClientSettings.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build();
        return DvcqgOidcClient.builder()
                .settings(settings)
                .provider(OidcProvider.discover(issuer, settings))
                .clientId(clientId)
                .clientSecret(Secret.of(clientSecret))
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC)
                .redirectUri(redirectUri)
                .identityPolicy(policy)
                .build();
    }
}
