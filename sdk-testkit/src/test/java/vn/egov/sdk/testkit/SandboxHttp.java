package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/** Plain {@code java.net.http} calls against a sandbox, so the testkit is tested without the SDK runtime. */
final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<NationalSandbox> sandbox;
    private final HttpClient client;

    SandboxHttp(NationalSandbox sandbox) {
        this(() -> sandbox);
    }

    /**
     * Calls whichever sandbox {@code sandbox} supplies at the time of each request, e.g.
     * {@code new SandboxHttp(extension::sandbox)} in a static field next to a {@code NationalSandboxExtension}
     * that only starts its sandbox with the test class.
     */
    SandboxHttp(Supplier<NationalSandbox> sandbox) {
        this.sandbox = sandbox;
        this.client = newClient();
    }

    /** A new client: its own connections, so a fault on one request cannot be hidden by a pooled-connection retry. */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sandbox.get().baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends on a fresh client and returns the I/O failure, or fails when the request succeeded. */
    IOException sendExpectingIoFailure(HttpRequest request) {
        try {
            HttpResponse<String> response = newClient().send(request, HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("expected an I/O failure, got HTTP " + response.statusCode() + ": "
                    + response.body());
        } catch (IOException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> tokenWithBasic(String clientId, String secret, String form) {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ':'
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return send(request(NationalSandbox.TOKEN_PATH)
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    HttpResponse<String> tokenWithPost(String form) {
        return send(request(NationalSandbox.TOKEN_PATH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** A valid token for the default client. */
    String token() {
        HttpResponse<String> response = tokenWithBasic(NationalSandbox.DEFAULT_CLIENT_ID,
                NationalSandbox.DEFAULT_CLIENT_SECRET, "grant_type=client_credentials");
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    HttpRequest echoRequest(String token, String msg) {
        return request("/demo/echo?msg=" + URLEncoder.encode(msg, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    HttpRequest orderRequest(String token, String body, String idempotencyKey) {
        HttpRequest.Builder builder = request("/demo/orders")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
