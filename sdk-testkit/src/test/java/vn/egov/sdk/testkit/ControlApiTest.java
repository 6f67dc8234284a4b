package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API under /_sandbox/, driven over HTTP as a tester with curl would. */
class ControlApiTest {

    private static NationalSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private HttpResponse<String> call(String method, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void armsListsSeesAndClearsAFault() {
        HttpResponse<String> armed = call("POST", "/_sandbox/faults",
                "{\"path\":\"/demo/public\",\"kind\":\"status\",\"status\":503,\"times\":2}");
        assertEquals(201, armed.statusCode(), armed.body());
        JsonNode list = SandboxHttp.json(call("GET", "/_sandbox/faults", null)).get("faults");
        assertEquals(1, list.size());
        assertEquals("status 503", list.get(0).get("kind").asText());
        assertEquals(503, call("GET", "/demo/public", null).statusCode());
        JsonNode calls = SandboxHttp.json(call("GET", "/_sandbox/calls?limit=5", null)).get("calls");
        assertEquals("/demo/public", calls.get(calls.size() - 1).get("path").asText());
        assertEquals(503, calls.get(calls.size() - 1).get("status").asInt());
        assertEquals("status 503", calls.get(calls.size() - 1).get("fault").asText());
        assertEquals(1, SandboxHttp.json(call("DELETE", "/_sandbox/faults?path=/demo/public", null))
                .get("cleared").asInt());
        assertEquals(200, call("GET", "/demo/public", null).statusCode());
        assertEquals(0, sandbox.faults().armed());
    }

    @Test
    void refusesNonsenseWithA400NamingTheField() {
        HttpResponse<String> bad = call("POST", "/_sandbox/faults", "{\"path\":\"/demo/public\",\"kind\":\"explode\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("kind must be one of"), bad.body());
        assertEquals(400, call("POST", "/_sandbox/faults", "not json").statusCode());
        assertEquals(400, call("POST", "/_sandbox/faults", "{\"path\":\"nope\",\"kind\":\"status\",\"status\":503}")
                .statusCode());
        assertEquals(400, call("POST", "/_sandbox/clock", "{\"set\":\"yesterday\"}").statusCode());
        assertEquals(400, call("GET", "/_sandbox/calls?limit=0", null).statusCode());
        assertEquals(404, call("GET", "/_sandbox/nothing", null).statusCode());
    }

    @Test
    void setsAdvancesAndResetsTheClock() {
        JsonNode set = SandboxHttp.json(call("POST", "/_sandbox/clock", "{\"set\":\"2030-01-01T00:00:00Z\"}"));
        assertTrue(Instant.parse(set.get("now").asText()).isBefore(Instant.parse("2030-01-01T00:01:00Z")));
        call("POST", "/_sandbox/clock", "{\"advanceSeconds\":3600}");
        assertTrue(sandbox.now().isAfter(Instant.parse("2030-01-01T00:59:59Z")));
        call("DELETE", "/_sandbox/clock", null);
        assertTrue(Duration.between(Instant.now(), sandbox.now()).abs().toSeconds() < 60);
    }

    @Test
    void resetForgetsFaultsCallsAndClockAndTheStateShowsEachSimulator() {
        sandbox.faults().on("/demo/echo").always().status(500);
        sandbox.advanceClock(Duration.ofDays(3));
        call("GET", "/demo/public", null);
        assertEquals(200, call("POST", "/_sandbox/reset", null).statusCode());
        assertEquals(0, sandbox.faults().armed());
        assertEquals(0, sandbox.calls(10).size());
        JsonNode state = SandboxHttp.json(call("GET", "/_sandbox/state", null));
        for (String name : new String[] {"oauth2", "demo", "vdxp", "lgsp", "smartca"}) {
            assertTrue(state.has(name), state.toString());
        }
        assertTrue(Duration.between(Instant.now(), Instant.parse(state.get("now").asText())).abs().toSeconds() < 60);
    }

    @Test
    void refusesAForeignHost() throws Exception {
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sandbox.port())) {
            socket.getOutputStream().write(("POST /_sandbox/reset HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("--allow-remote-control"), answer);
    }
}
