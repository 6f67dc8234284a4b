package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuth2TokenEndpointTest {

    /** One sandbox for the class, with 10 min tokens and a client whose id and secret need encoding. */
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension() {
        @Override
        protected void configure(NationalSandboxBuilder builder) {
            builder.tokenLifetime(Duration.ofMinutes(10)).client("tỉnh:client id", "s&cret=+/");
        }
    };
    private static final SandboxHttp http = new SandboxHttp(SANDBOX::sandbox);

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void issuesTokenToClientAuthenticatedWithBasic() {
        HttpResponse<String> response = http.tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID,
                NationalSandbox.DEFAULT_CLIENT_SECRET, "grant_type=client_credentials");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = SandboxHttp.json(response);
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(600, body.get("expires_in").asInt());
        assertTrue(body.get("access_token").asText().length() >= 32);
        assertEquals(1, sandbox.tokensIssued());
    }

    @Test
    void issuesTokenToClientAuthenticatedWithFormFields() {
        HttpResponse<String> response = http.tokenWithPost("grant_type=client_credentials&client_id=sandbox-client"
                + "&client_secret=sandbox-secret&scope=demo");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("demo", SandboxHttp.json(response).get("scope").asText());
    }

    @Test
    void decodesFormEncodedBasicCredentials() {
        HttpResponse<String> response = http.tokenWithBasic("tỉnh:client id", "s&cret=+/",
                "grant_type=client_credentials");

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void registersClientsAtRuntime() {
        assertEquals(401, http.tokenWithBasic("late", "pw", "grant_type=client_credentials").statusCode());
        sandbox.registerClient("late", "pw");

        assertEquals(200, http.tokenWithBasic("late", "pw", "grant_type=client_credentials").statusCode());
    }

    @Test
    void issuesDistinctTokensAndCountsThem() {
        String first = http.token();
        String second = http.token();

        assertNotEquals(first, second);
        assertEquals(2, sandbox.tokensIssued());
    }

    @Test
    void rejectsWrongSecret() {
        HttpResponse<String> response = http.tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID, "wrong",
                "grant_type=client_credentials");

        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", SandboxHttp.json(response).get("error").asText());
        assertTrue(SandboxHttp.json(response).hasNonNull("error_description"));
        assertFalse(response.body().contains(NationalSandbox.DEFAULT_CLIENT_SECRET));
        assertEquals(0, sandbox.tokensIssued());
    }

    @Test
    void rejectsUnknownClientInForm() {
        HttpResponse<String> response = http.tokenWithPost(
                "grant_type=client_credentials&client_id=nobody&client_secret=sandbox-secret");

        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", SandboxHttp.json(response).get("error").asText());
    }

    @Test
    void rejectsMissingClientCredentials() {
        HttpResponse<String> response = http.tokenWithPost("grant_type=client_credentials");

        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", SandboxHttp.json(response).get("error").asText());
    }

    @Test
    void rejectsOtherGrantTypes() {
        HttpResponse<String> response = http.tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID,
                NationalSandbox.DEFAULT_CLIENT_SECRET, "grant_type=password&username=a&password=b");

        assertEquals(400, response.statusCode());
        assertEquals("unsupported_grant_type", SandboxHttp.json(response).get("error").asText());
    }

    @Test
    void rejectsMissingGrantType() {
        HttpResponse<String> response = http.tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID,
                NationalSandbox.DEFAULT_CLIENT_SECRET, "");

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", SandboxHttp.json(response).get("error").asText());
    }

    @Test
    void acceptsPostOnly() {
        HttpResponse<String> response = http.send(http.request(NationalSandbox.TOKEN_PATH).GET().build());

        assertEquals(405, response.statusCode());
    }

    @Test
    void canRunWithoutTheDefaultClient() {
        try (NationalSandbox custom = NationalSandbox.builder().withoutDefaultClient().client("only", "one").start()) {
            SandboxHttp customHttp = new SandboxHttp(custom);
            assertEquals(401, customHttp.tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID,
                    NationalSandbox.DEFAULT_CLIENT_SECRET, "grant_type=client_credentials").statusCode());
            assertEquals(200, customHttp.tokenWithBasic("only", "one", "grant_type=client_credentials")
                    .statusCode());
        }
    }

    @Test
    void tokenEndpointUrlIsUnderBaseUrl() {
        assertEquals(sandbox.baseUrl() + "/oauth2/token", sandbox.tokenUrl());
        HttpResponse<String> response = SandboxHttp.send(SandboxHttp.newClient(),
                HttpRequest.newBuilder(java.net.URI.create(sandbox.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                                + "&client_id=sandbox-client&client_secret=sandbox-secret"))
                        .build());
        assertEquals(200, response.statusCode());
    }
}
