package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a tester can throw at the sandbox: WireMock's admin API, garbage bodies, huge bodies, broken HTTP. */
class HostileRequestsTest {

    private static NationalSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        http = new SandboxHttp(sandbox);
        sandbox.pki(); // made on first use, which may take longer than a request's timeout
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/__admin/reset", "/__admin/shutdown", "/__admin/mappings", "/__admin/mappings/reset",
        "/__admin/requests", "/__admin/", "/__files/anything", "/__admin/settings"})
    void wireMocksOwnEndpointsAreClosedAndTheCatchAllSurvives(String path) {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            HttpResponse<String> response = http.send(http.request(path)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(404, response.statusCode(), method + " " + path + ": " + response.body());
            assertTrue(response.body().contains("\"error\":\"not_found\""), response.body());
        }
        HttpResponse<String> stillServing = http.send(http.request("/demo/public").GET().build());
        assertEquals(200, stillServing.statusCode());
        assertTrue(sandbox.isRunning());
    }

    @Test
    void aMalformedFormBodyIsA400NamingTheForm() {
        HttpResponse<String> response = http.send(http.request(NationalSandbox.TOKEN_PATH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%ZZ&client_id=%")).build());
        assertEquals(400, response.statusCode(), response.body());
        assertJsonError(response.body(), "x-www-form-urlencoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lgsp/v1/sendEdoc", "/vdxp/sendEdoc", "/oauth2/token", "/demo/orders",
        "/smartca/sca/sp769/v1/signatures/sign", "/pki/tsa", "/pki/ocsp", "/nowhere"})
    void aTruncatedMultipartBodyIsA400OnEveryEndpoint(String path) {
        HttpResponse<String> response = http.send(http.request(path)
                .header("Content-Type", "multipart/form-data; boundary=xx")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--xx\r\nContent-Disposition: form-data; name=\"edocFile\"\r\n\r\nabc")).build());
        assertEquals(400, response.statusCode(), response.body());
        assertJsonError(response.body(), "multipart/form-data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lgsp/v1/sendEdoc", "/vdxp/sendEdoc", "/oauth2/token", "/demo/orders",
        "/smartca/sca/sp769/v2/signatures/confirm", "/pki/ocsp", "/lgsp/v1/auth/login", "/vdxp/getEdoc"})
    void binaryGarbageNeverGetsA500(String path) {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        for (String type : new String[] {"application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=\"", "multipart/mixed", "text/xml", "application/ocsp-request"}) {
            HttpResponse<String> response = http.send(http.request(path).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(garbage)).build());
            assertTrue(response.statusCode() < 500, type + " to " + path + ": " + response.statusCode() + " "
                    + response.body());
            assertFalse(response.body().contains("<html"), response.body());
        }
    }

    @Test
    void aMalformedQueryIsA400() throws IOException {
        String answer = raw("GET /demo/echo?msg=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertJsonError(answer, "");
    }

    @Test
    void aBodyOverTheCapIsA413BeforeItIsRead() throws IOException {
        String head = "POST /vdxp/sendEdoc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\n"
                + "Content-Length: " + (NationalSandbox.DEFAULT_MAX_BODY_BYTES + 1) + "\r\nConnection: close\r\n\r\n";
        String answer = raw(head.getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertJsonError(answer, "at most " + NationalSandbox.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void aBrokenRequestLineGetsJsonNotHtml() throws IOException {
        String answer = raw("BLAH / HTTP/9.9 garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
        assertFalse(answer.contains("<html"), answer);
    }

    private static void assertJsonError(String body, String mention) {
        assertTrue(body.contains("\"error\":") && body.contains("\"error_description\":"), body);
        assertTrue(body.contains(mention), body);
        assertFalse(body.contains("<html") || body.contains("at com.") || body.contains(": null"), body);
    }

    private static String raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the server may close mid-request; what arrived is the answer
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
