package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed requests to every /sso/ endpoint get a 4xx answer, never a 500 from a simulator that broke. */
class SsoHostileRequestsTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void garbageNeverBreaksTheSimulator() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> paths = List.of("/sso/.well-known/openid-configuration", "/sso/oauth2/jwks",
                "/sso/oauth2/authorize", "/sso/commonauth", "/sso/oauth2/token", "/sso/oauth2/userinfo",
                "/sso/oauth2/introspect", "/sso/oauth2/validatetoken", "/sso/oidc/logout", "/sso/_test/users",
                "/sso/_test/login", "/sso/_test/next-id-token", "/sso/_test/nothing", "/sso/nothing");
        List<String[]> bodies = List.of(
                new String[] {"application/x-www-form-urlencoded", "a=%zz&&="},
                new String[] {"application/x-www-form-urlencoded", "grant_type=authorization_code&code=&code="
                        + "&client_id=sandbox-sso-client&client_secret=sandbox-sso-secret&redirect_uri="},
                new String[] {"application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=x"
                        + "&client_id=sandbox-sso-client&client_secret=sandbox-sso-secret"},
                new String[] {"application/x-www-form-urlencoded", "sessionDataKey=&user=custom&consent=yes"
                        + "&custom_type=x&custom_ial=y"},
                new String[] {"application/x-www-form-urlencoded", "authorization_url=%3A%3A&user=custom"
                        + "&custom_type=99"},
                new String[] {"application/x-www-form-urlencoded", "id_token_hint=a.b.c&post_logout_redirect_uri=x"},
                new String[] {"application/json", "{\"a\":"});
        List<String> queries = List.of("", "?client_id=%E0%A4&state=%00", "?client_id=sandbox-sso-client&client_id=x",
                "?id_token_hint=eyJhbGciOiJub25lIn0.e30.&client_id=nobody&post_logout_redirect_uri=http://x/");
        for (String path : paths) {
            for (String query : queries) {
                HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path
                        + query)).header("Authorization", "Bearer garbage").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(get.statusCode() < 500, "GET " + path + query + " -> " + get.statusCode() + " "
                        + get.body());
            }
            for (String[] body : bodies) {
                HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                        .header("Content-Type", body[0]).header("Authorization", "Basic !!!")
                        .POST(HttpRequest.BodyPublishers.ofString(body[1], StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(post.statusCode() < 500, "POST " + path + " " + body[1] + " -> " + post.statusCode()
                        + " " + post.body());
            }
        }
    }
}
