package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;

/**
 * Plays the browser against the sandbox's SSO simulator: its test API ({@code POST {issuer}/_test/login}) logs a
 * test user in on the authorization URL and says where the browser would be redirected; the redirect is then
 * followed, to the command's own loopback receiver. Only the sandbox has this API.
 */
final class SandboxTestLogin {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SandboxTestLogin() {
    }

    /**
     * Logs the test user in and follows the redirect.
     *
     * @param issuer the sandbox's issuer ({@code http://127.0.0.1:PORT/sso})
     * @param authorizationUrl the login's authorization URL
     * @param user the test user's key ({@code citizen-vneid-ial2}, {@code enterprise}, ...)
     * @throws PlatformException when the simulator refuses (an unknown user, no test API at this issuer)
     * @throws TransportException when it cannot be reached
     */
    static void login(String issuer, URI authorizationUrl, String user) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "authorization_url=" + URLEncoder.encode(authorizationUrl.toString(), StandardCharsets.UTF_8)
                + "&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        URI testApi = URI.create(issuer + "/_test/login");
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(testApi).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), testApi);
        JsonNode json;
        try {
            json = MAPPER.readTree(answer.body());
        } catch (IOException e) {
            json = null;
        }
        if (answer.statusCode() != 200 || json == null || !json.path("location").isTextual()) {
            throw new PlatformException("the SSO test API " + testApi + " refused test user '" + user + "' (HTTP "
                    + answer.statusCode() + ": " + abbreviate(answer.body()) + "); --test-citizen works only with "
                    + "the sandbox", ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(answer.statusCode()), null);
        }
        URI location = URI.create(json.get("location").asText());
        send(http, HttpRequest.newBuilder(location).timeout(TIMEOUT).GET().build(), location);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, URI uri) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException("cannot reach " + uri + ": " + e.getMessage(),
                    ErrorDetails.of(Fault.NETWORK, true), e, false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted calling " + uri, ErrorDetails.of(Fault.NETWORK, false), e,
                    false, false);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
