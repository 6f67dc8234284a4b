package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.DvcqgIdentity;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStart;
import vn.egov.sdk.identity.OidcProvider;

/**
 * {@code egov login}: logs a user in through the national SSO (or another OpenID provider) the way a native app
 * does (RFC 8252): authorization code with PKCE, the redirect received on 127.0.0.1, the code exchanged, the ID
 * token validated, the typed identity printed. Tokens are never printed.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in through the national SSO (OpenID Connect, PKCE): print the login page's URL to open, "
                + "receive the redirect on 127.0.0.1, exchange the code, validate the ID token and print the "
                + "identity. With the sandbox, --test-citizen logs a test user in without a browser.")
public final class LoginCommand implements Callable<Integer> {
    /** The environment variable read for the client secret when {@code --client-secret} is not given. */
    static final String SECRET_VARIABLE = "EGOV_SSO_CLIENT_SECRET";

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--issuer", required = true, paramLabel = "URL",
            description = "The provider's issuer, e.g. http://127.0.0.1:8089/sso for the sandbox (its discovery "
                    + "document is read from ISSUER/.well-known/openid-configuration).")
    String issuer;

    @Option(names = "--client-id", required = true, paramLabel = "ID", description = "This client's id.")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET",
            description = "This client's secret; better from the environment variable " + SECRET_VARIABLE
                    + ". Never printed.")
    String clientSecret;

    @Option(names = "--redirect-uri", paramLabel = "URI", defaultValue = "http://127.0.0.1:0/callback",
            description = "The redirect URI registered for the client, on 127.0.0.1 or localhost over http; port 0 "
                    + "takes a free port (default ${DEFAULT-VALUE}). The sandbox's default client has "
                    + "http://localhost:8080/login/callback.")
    String redirectUri;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the login to finish (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--test-citizen", paramLabel = "USER",
            description = "Sandbox only: log this test user in through the SSO simulator's test API instead of a "
                    + "browser (citizen-vneid-ial2, citizen-vneid-ial1, citizen-cmnd, enterprise, organisation).")
    String testCitizen;

    private final UnaryOperator<String> environment = System::getenv;

    /** The command, as picocli builds it. */
    public LoginCommand() {
    }

    @Override
    public Integer call() {
        try {
            return login();
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    private int login() {
        URI redirect = loopback(redirectUri);
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw ValidationException.of("range", "--timeout", "the timeout is 1 to 3600 seconds, was "
                    + timeoutSeconds);
        }
        Secret secret = secret();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(redirect.getPort(), redirect.getPath())) {
            String uri = "http://" + redirect.getHost() + ":" + receiver.port() + redirect.getPath();
            ClientSettings settings = ClientSettings.builder().connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30)).build();
            try (DvcqgOidcClient client = DvcqgOidcClient.builder().settings(settings)
                    .provider(OidcProvider.discover(issuer, settings)).clientId(clientId).clientSecret(secret)
                    .redirectUri(uri).build()) {
                LoginStart start = client.startLogin("/");
                PrintWriter err = spec.commandLine().getErr();
                err.println("Mở trang này để đăng nhập / Open this page to log in:");
                err.println(start.authorizationUrl());
                err.println("Đang chờ chuyển hướng về / Waiting for the redirect to " + uri + " ("
                        + timeoutSeconds + " s)");
                err.flush();
                if (testCitizen != null) {
                    SandboxTestLogin.login(issuer, start.authorizationUrl(), testCitizen);
                }
                String query = receiver.await(Duration.ofSeconds(timeoutSeconds));
                print(client.completeLogin(query, start.browserBinding()));
                return ExitCodes.OK;
            }
        }
    }

    private Secret secret() {
        return SecretOption.require(clientSecret, SECRET_VARIABLE, environment,
                () -> "no client secret for " + clientId + ": give --client-secret or set " + SECRET_VARIABLE);
    }

    /** The redirect URI, checked: http on the loopback interface, with a path and nothing else. */
    static URI loopback(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw ValidationException.of("uri", "--redirect-uri", "not a URI: " + e.getMessage());
        }
        boolean loopbackHost = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!"http".equals(uri.getScheme()) || !loopbackHost || uri.getPort() < 0 || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
            throw ValidationException.of("loopback", "--redirect-uri", "the redirect URI must be "
                    + "http://127.0.0.1:PORT/PATH or http://localhost:PORT/PATH (a port, 0 for a free one; a path; "
                    + "no query), was " + text);
        }
        return uri;
    }

    private void print(LoginResult login) {
        DvcqgIdentity id = login.identity();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("accountType", id.accountType().name() + id.accountType().number().map(n -> " (" + n + ")")
                .orElse(""));
        rows.put("accountKey", id.accountKey().qualified());
        rows.put("subject", id.subject());
        id.fullName().ifPresent(v -> rows.put("name", v));
        id.ial().ifPresent(v -> rows.put("ial", "IAL" + v));
        id.personalIdNumber().ifPresent(v -> rows.put("personalIdNumber", masked(v)));
        id.oldIdCardNumber().ifPresent(v -> rows.put("oldIdCardNumber", masked(v)));
        id.taxCode().ifPresent(v -> rows.put("taxCode", v));
        id.enterpriseName().ifPresent(v -> rows.put("enterpriseName", v));
        id.techId().ifPresent(v -> rows.put("techId", v));
        login.idToken().acr().ifPresent(v -> rows.put("acr", v));
        rows.put("issuer", login.idToken().issuer());
        rows.put("idTokenVerification", login.verification().name());
        rows.put("expiresAt", login.idToken().expiresAt().toString());
        if (output.json) {
            ObjectNode json = Json.object();
            rows.forEach(json::put);
            Json.print(spec, json);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        rows.forEach((k, v) -> out.println(String.format(Locale.ROOT, "%-" + width + "s%s", k, v)));
        out.flush();
    }

    /** An identity number shown by its last three digits only (the Login example's rule). */
    private static String masked(String number) {
        return number.length() <= 3 ? "•••" : "•".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }
}
