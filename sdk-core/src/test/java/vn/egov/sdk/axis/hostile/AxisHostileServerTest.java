package vn.egov.sdk.axis.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.egov.sdk.axis.hostile.HostileAnswers.bytes;
import static vn.egov.sdk.axis.hostile.HostileAnswers.chunked;
import static vn.egov.sdk.axis.hostile.HostileAnswers.dribble;
import static vn.egov.sdk.axis.hostile.HostileAnswers.huge;
import static vn.egov.sdk.axis.hostile.HostileAnswers.json;
import static vn.egov.sdk.axis.hostile.HostileAnswers.jsonBytes;
import static vn.egov.sdk.axis.hostile.HostileAnswers.nested;
import static vn.egov.sdk.axis.hostile.HostileAnswers.reset;
import static vn.egov.sdk.axis.hostile.HostileAnswers.thenClose;
import static vn.egov.sdk.axis.hostile.HostileAnswers.thenHang;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;

/**
 * Every operation of both axis clients against a server that answers with one hostile or broken behaviour each time:
 * redirects, statuses that are no answer, broken framing, garbage instead of HTTP, resets, hangs, dribbled bodies,
 * JSON that is truncated, huge, deeply nested, not an object, not UTF-8, or has a member of the wrong type. Each call
 * must end, well within a hang guard, in a typed {@link EgovException} (never a NullPointerException,
 * IllegalArgumentException or an Error) with the fault and flags the behaviour calls for, and leave no temporary
 * file behind. The neighbours get the same answers: the runtime's streaming path
 * ({@link HttpRuntime#execute(ApiRequest, RequestOptions, vn.egov.sdk.core.http.ResponseHandler)}) the HTTP-level
 * ones, the OAuth2 token endpoint and the LGSP login every one that applies to a token answer.
 */
class AxisHostileServerTest {
    private static final Clock CLOCK = Clock.systemUTC();
    /** A call's deadline where the behaviour waits: every hang or dribble must end by it. */
    private static final Duration SHORT_DEADLINE = Duration.ofMillis(400);
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(200);
    /** A call's deadline where the behaviour answers at once. */
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(10);
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final long MAX_RESPONSE = 256 * 1024;
    private static final String OK = "\"status\":\"OK\",\"ErrorCode\":\"0\"";
    private static final String LOGIN = "{\"code\":\"0\",\"message\":\"OK\",\"data\":{\"token\":\"tok-123\"}}";
    private static final String JSON_200 = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

    private static HostileServer server;

    @TempDir
    Path temp;

    private Duration deadline = LONG_DEADLINE;
    private Duration readTimeout = LONG_DEADLINE;

    @BeforeAll
    static void start() throws IOException {
        server = new HostileServer(r -> json(200, "{}"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /** One operation of one client. */
    enum Op {
        VDXP_SEND(true, Kind.SEND), VDXP_LIST_RECEIVED(true, Kind.LIST), VDXP_FETCH(true, Kind.FETCH),
        VDXP_FETCH_TO(true, Kind.FETCH), VDXP_ACKNOWLEDGE(true, Kind.ACK), VDXP_LIST_SENT(true, Kind.LIST),
        VDXP_COUNT(true, Kind.COUNT), VDXP_AGENCIES_102(true, Kind.LIST), VDXP_AGENCIES_QD20(true, Kind.LIST),
        LGSP_SEND(false, Kind.SEND), LGSP_LIST_RECEIVED(false, Kind.LIST), LGSP_FETCH(false, Kind.FETCH),
        LGSP_FETCH_TO(false, Kind.FETCH), LGSP_ACKNOWLEDGE(false, Kind.ACK), LGSP_COUNT(false, Kind.LIST),
        LGSP_AGENCIES(false, Kind.AGENCIES),
        /** {@code HttpRuntime.execute} with a {@code ResponseHandler} reading the whole body. */
        RUNTIME_STREAMED(false, Kind.NEIGHBOUR),
        /** A call authenticated by {@code OAuth2ClientCredentials}, its token endpoint hostile. */
        OAUTH2_TOKEN(false, Kind.NEIGHBOUR),
        /** An LGSP call, its login hostile. */
        LGSP_LOGIN(false, Kind.NEIGHBOUR);

        final boolean vdxp;
        final Kind kind;

        Op(boolean vdxp, Kind kind) {
            this.vdxp = vdxp;
            this.kind = kind;
        }

        /** The paths answered hostilely; every other path gets a plain success. */
        boolean hostile(String path) {
            return switch (this) {
                case OAUTH2_TOKEN -> path.equals("/token");
                case LGSP_LOGIN -> path.startsWith("/v1/auth/login");
                default -> !path.startsWith("/v1/auth/login");
            };
        }

        void run(DocumentAxisClient client) {
            switch (this) {
                case VDXP_SEND, LGSP_SEND -> client.send(document());
                case VDXP_LIST_RECEIVED, LGSP_LIST_RECEIVED -> client.listReceived(MessageType.EDOC);
                case VDXP_FETCH, LGSP_FETCH -> client.fetch("doc-1").close();
                case VDXP_FETCH_TO, LGSP_FETCH_TO -> client.fetchTo("doc-1", new ByteArrayOutputStream());
                case VDXP_ACKNOWLEDGE, LGSP_ACKNOWLEDGE -> client.acknowledge("doc-1", TransportAck.DONE);
                case VDXP_LIST_SENT -> client.listSent(MessageType.EDOC, Optional.empty());
                case VDXP_COUNT, LGSP_COUNT -> client.countReceived(MessageType.EDOC);
                case VDXP_AGENCIES_102, LGSP_AGENCIES -> client.agencies(CodeSystem.QCVN_102);
                case VDXP_AGENCIES_QD20 -> client.agencies(CodeSystem.QD_20);
                default -> throw new IllegalStateException(name());
            }
        }
    }

    /** What an operation reads from a successful answer, for the wrong-type cases. */
    enum Kind { SEND, LIST, FETCH, ACK, COUNT, AGENCIES, NEIGHBOUR }

    /**
     * One hostile behaviour, the operations it applies to, and what the exception must say. A behaviour that
     * {@code waits} lasts until a timeout or the deadline ends it, so its calls get short ones; the others get long
     * ones, so that no slow moment of a busy machine turns their answer into a timeout.
     */
    record Case(String name, HostileServer.Behaviour behaviour, Set<Op> ops, Consumer<EgovException> expect,
            boolean waits) {
        Case(String name, HostileServer.Behaviour behaviour, Set<Op> ops, Consumer<EgovException> expect) {
            this(name, behaviour, ops, expect, false);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : catalogue()) {
            for (Op op : c.ops()) {
                all.add(Arguments.of(op + " ← " + c.name(), op, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyHostileAnswerEndsInATypedFailure(String name, Op op, Case c) throws IOException {
        server.answerWith(r -> op.hostile(r.path()) ? c.behaviour() : plainSuccess(r.path()));
        if (c.waits()) {
            deadline = SHORT_DEADLINE;
            readTimeout = SHORT_READ_TIMEOUT;
        }
        Throwable thrown = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                run(op);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, name + " hung");
        assertNotNull(thrown, name + ": the call returned normally");
        if (!(thrown instanceof EgovException) || thrown instanceof ValidationException) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            fail(name + ": not a typed failure of the platform or the network:\n" + trace);
        }
        EgovException e = (EgovException) thrown;
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), name + ": no message");
        c.expect().accept(e);
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), name + ": temporary files left behind");
        }
    }

    private void run(Op op) {
        switch (op) {
            case RUNTIME_STREAMED -> {
                try (HttpRuntime runtime = runtime(AuthStrategy.NONE)) {
                    runtime.execute(ApiRequest.get(server.baseUrl() + "/stream"), RequestOptions.DEFAULT,
                            (status, headers, body) -> body.readAllBytes());
                }
            }
            case OAUTH2_TOKEN -> {
                try (HttpRuntime runtime = runtime(OAuth2ClientCredentials.builder()
                        .tokenUrl(server.baseUrl() + "/token").clientId("client-1").clientSecret(Secret.of("cs"))
                        .build())) {
                    runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
                }
            }
            case LGSP_LOGIN -> {
                try (LgspAxisClient client = lgsp()) {
                    client.listReceived(MessageType.EDOC);
                }
            }
            default -> {
                try (DocumentAxisClient client = op.vdxp ? vdxp() : lgsp()) {
                    op.run(client);
                }
            }
        }
    }

    /** What the paths that are not under test answer: a token, or an empty success. */
    private static HostileServer.Behaviour plainSuccess(String path) {
        if (path.startsWith("/v1/auth/login")) {
            return json(200, LOGIN);
        }
        if (path.equals("/token")) {
            return json(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":600}");
        }
        return json(200, "{\"success\":true,\"data\":[]}");
    }

    private HttpRuntime runtime(AuthStrategy auth) {
        return HttpRuntime.builder().settings(ClientSettings.builder().clock(CLOCK).sleeper(d -> { })
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1)).build())
                .deadline(deadline).readTimeout(readTimeout).maxResponseBytes(MAX_RESPONSE).build()).auth(auth).build();
    }

    private VdxpAxisClient vdxp() {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(server.baseUrl() + "/vdxp")
                .clock(CLOCK).sleeper(d -> { }).retryPolicy(RetryPolicy.builder().maxAttempts(2)
                .initialDelay(Duration.ofMillis(1)).build()).deadline(deadline).readTimeout(readTimeout)
                .connectTimeout(Duration.ofSeconds(2)).maxResponseBytes(MAX_RESPONSE).tempDirectory(temp).build())
                .systemId("vxp.test.01")
                .secret(Secret.of("s3cret")).sendAttempts(2).build();
    }

    private LgspAxisClient lgsp() {
        return LgspAxisClient.builder().settings(ClientSettings.builder().endpoint(server.baseUrl()).clock(CLOCK)
                .sleeper(d -> { }).retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1))
                .build()).deadline(deadline).maxResponseBytes(MAX_RESPONSE).tempDirectory(temp).build())
                .login("admin", Secret.of("pw"), "QLVB")
                .system("sys-1", Secret.of("key-1")).build();
    }

    // ---- the catalogue ----

    private static List<Case> catalogue() {
        Set<Op> axis = EnumSet.noneOf(Op.class);
        Set<Op> vdxp = EnumSet.noneOf(Op.class);
        for (Op o : Op.values()) {
            if (o.kind != Kind.NEIGHBOUR) {
                axis.add(o);
            }
            if (o.vdxp) {
                vdxp.add(o);
            }
        }
        // HTTP-level behaviours: every axis operation and every neighbour
        Set<Op> every = EnumSet.allOf(Op.class);
        // behaviours of the body: every axis operation and the token endpoints (a streaming handler that only
        // reads bytes has no opinion on JSON)
        Set<Op> bodies = EnumSet.copyOf(axis);
        bodies.add(Op.OAUTH2_TOKEN);
        bodies.add(Op.LGSP_LOGIN);
        // Behaviours that last until a timeout or the deadline ends them: the send (whose send loop asks the sent
        // list too) and the fetch of each client, and the runtime's streaming path, so the matrix stays quick; the
        // read timeout and call deadline that end them are the runtime's, the same for every operation.
        Set<Op> slow = EnumSet.of(Op.VDXP_SEND, Op.VDXP_FETCH, Op.LGSP_SEND, Op.LGSP_FETCH, Op.RUNTIME_STREAMED);
        List<Case> c = new ArrayList<>();

        // statuses that are no answer
        c.add(new Case("301 with a Location", thenClose("HTTP/1.1 301 Moved\r\nLocation: "
                + "https://user:pw@elsewhere.example/axis/moved?token=leak-me#frag-leak\r\nContent-Length: 0\r\n\r\n"), every,
                redirect(301, "https://elsewhere.example/axis/moved")));
        c.add(new Case("302 without a Location", thenClose("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"), every,
                redirect(302, "without a Location")));
        c.add(new Case("307 with a relative Location", json307(), every, redirect(307, "/other")));
        c.add(new Case("308 with a body", thenClose("HTTP/1.1 308 P\r\nLocation: http://x.example/\r\n"
                + "Content-Length: 12\r\n\r\n{\"moved\":1}\n"), every, redirect(308, "http://x.example/")));
        c.add(new Case("304", thenClose("HTTP/1.1 304 Not Modified\r\n\r\n"), every, platform(304)));
        Set<Op> noContentIsNoAnswer = EnumSet.copyOf(every);
        noContentIsNoAnswer.remove(Op.RUNTIME_STREAMED); // to the runtime a 204 is a fine answer
        c.add(new Case("204 without a body", thenClose("HTTP/1.1 204 No Content\r\n\r\n"), noContentIsNoAnswer,
                platform(204)));
        c.add(new Case("100 Continue, then nothing", thenClose("HTTP/1.1 100 Continue\r\n\r\n"), every, typed()));
        c.add(new Case("101 Switching Protocols", thenClose("HTTP/1.1 101 Switching Protocols\r\n\r\n"), every,
                typed()));
        c.add(new Case("103 Early Hints, then nothing", thenClose("HTTP/1.1 103 Early Hints\r\n\r\n"), every,
                typed()));
        c.add(new Case("status 600", jsonStatus(600), every, platform(600)));
        c.add(new Case("status line 2OO", thenClose("HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\n{}"), every,
                transport()));
        c.add(new Case("500 with HTML", thenClose("HTTP/1.1 500 Oops\r\nContent-Type: text/html\r\n"
                + "Connection: close\r\nContent-Length: 13\r\n\r\n<html></html>"), every, platformStatus(500)));
        c.add(new Case("404 with HTML", thenClose("HTTP/1.1 404 No\r\nContent-Type: text/html\r\n"
                + "Connection: close\r\nContent-Length: 13\r\n\r\n<html></html>"), every, platformStatus(404)));

        // not HTTP at all
        c.add(new Case("garbage instead of HTTP", thenClose("\u0000\u00ff\u0013garbage\r\n\r\n"), every, transport()));
        c.add(new Case("an SSH banner", thenClose("SSH-2.0-OpenSSH_9.6\r\n"), every, transport()));
        c.add(new Case("closed without a byte", thenClose(""), every, transport()));
        c.add(new Case("reset", reset(), every, transport()));
        c.add(new Case("silence", thenHang(""), slow, transport(), true));
        c.add(new Case("headers that never end", thenHang("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"),
                slow, transport(), true));

        // framing
        c.add(new Case("Content-Length -5", thenClose(JSON_200 + "Content-Length: -5\r\n\r\n{\"a\":1}"), every,
                transport()));
        c.add(new Case("Content-Length abc", thenClose(JSON_200 + "Content-Length: abc\r\n\r\n{\"a\":1}"), every,
                transport()));
        c.add(new Case("Content-Length beyond long", thenClose(JSON_200
                + "Content-Length: 99999999999999999999\r\n\r\n{}"), every, transport()));
        c.add(new Case("two different Content-Lengths", thenClose(JSON_200 + "Content-Length: 2\r\n"
                + "Content-Length: 7\r\n\r\n{\"a\":1}"), every, transport()));
        c.add(new Case("Content-Length list 2, 7", thenClose(JSON_200 + "Content-Length: 2, 7\r\n\r\n{\"a\":1}"),
                every, transport()));
        c.add(new Case("Content-Length above the limit", thenHang(JSON_200 + "Content-Length: 1000000000\r\n\r\n{"),
                every, platform(200, "exceeds the limit")));
        c.add(new Case("Content-Length too large, then close", thenClose(JSON_200 + "Content-Length: 500\r\n\r\n{"
                + OK + "}"), every, transport()));
        c.add(new Case("Content-Length too large, kept open", thenHang(JSON_200 + "Content-Length: 500\r\n\r\n{"
                + OK + "}"), slow, transport(), true));
        c.add(new Case("Content-Length too small", thenClose(JSON_200 + "Content-Length: 5\r\n\r\n{" + OK
                + ",\"success\":true}"), bodies, platform(200)));
        c.add(new Case("chunk size not hex", chunked("zz\r\n{}\r\n0\r\n\r\n", false), every, transport()));
        c.add(new Case("chunk size beyond long", chunked("fffffffffffffffffffff\r\n{}\r\n0\r\n\r\n", false), every,
                transport()));
        c.add(new Case("chunked body cut off", chunked("40\r\n{\"status\":\"OK\"", false), every, transport()));
        c.add(new Case("chunked body without its last chunk", chunked("2\r\n{}\r\n", true), slow, transport(),
                true));
        c.add(new Case("gzip that is not gzip", thenClose(JSON_200 + "Content-Encoding: gzip\r\n"
                + "Content-Length: 8\r\n\r\nnot gzip"), every, transport()));
        c.add(new Case("a body dribbled past the deadline", dribble(huge(10_000), 40), slow, deadline(),
                true));

        // bodies that are not the answer
        c.add(new Case("truncated JSON", json(200, "{" + OK + ",\"success\":true,\"data\":["), bodies,
                platform(200)));
        c.add(new Case("huge JSON, no length", thenClose("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                + huge((int) MAX_RESPONSE * 2)), every, platform(200, "exceeds the limit")));
        c.add(new Case("deeply nested JSON", json(200, "{" + OK + ",\"success\":true,\"data\":" + nested(50_000)
                + "}"), bodies, platform(200)));
        for (String notObject : List.of("\"x\"", "42", "null", "true", "", "<html></html>")) {
            c.add(new Case("a body of " + (notObject.isEmpty() ? "nothing" : notObject), json(200, notObject),
                    bodies, platform(200)));
        }
        Set<Op> arrayIsNoAnswer = EnumSet.copyOf(bodies);
        arrayIsNoAnswer.remove(Op.LGSP_AGENCIES); // LGSP answers its agency list as a bare array
        c.add(new Case("a body of []", json(200, "[]"), arrayIsNoAnswer, platform(200)));
        c.add(new Case("invalid UTF-8", jsonBytes(200, bytes("{\"status\":\"O", new byte[] {(byte) 0xc3, 0x28,
                (byte) 0xff}, "\",\"ErrorCode\":\"0\",\"success\":true}")), bodies, platform(200)));
        Set<Op> emptyIsNoAnswer = EnumSet.copyOf(axis);
        emptyIsNoAnswer.remove(Op.LGSP_ACKNOWLEDGE); // LGSP's updateStatus answer carries nothing to check
        c.add(new Case("{}", json(200, "{}"), emptyIsNoAnswer, emptyObject()));
        // a token answer without a token: the LGSP login says so as a refused login (it answers a wrong password so)
        c.add(new Case("{} from a token endpoint", json(200, "{}"), EnumSet.of(Op.OAUTH2_TOKEN, Op.LGSP_LOGIN),
                e -> {
                    assertEquals(200, e.httpStatus().orElse(-1), e::toString);
                    assertTrue(e.getMessage().contains("token"), e::toString);
                }));
        for (String token : List.of("\"a b\"", "\"a\\r\\nX-Injected: 1\"", "\"t\\u0000\"", "\"" + "t".repeat(20_000) + "\"",
                "\"\u00e9t\u00e9\"")) {
            c.add(new Case("OAuth2 access_token " + shorten(token), json(200, "{\"access_token\":" + token
                    + ",\"token_type\":\"Bearer\"}"), EnumSet.of(Op.OAUTH2_TOKEN),
                    platform(200, "cannot be sent in a header")));
            c.add(new Case("LGSP login token " + shorten(token), json(200, "{\"code\":\"0\",\"data\":{\"token\":"
                    + token + "}}"), EnumSet.of(Op.LGSP_LOGIN), platform(200, "cannot be sent in a header")));
        }

        // the VDXP envelope with members of the wrong type, or neither OK nor FAIL
        for (String env : List.of("\"status\":5,\"ErrorCode\":\"0\"", "\"status\":{},\"ErrorCode\":\"0\"",
                "\"status\":[\"OK\"],\"ErrorCode\":\"0\"", "\"status\":\"OK\",\"ErrorCode\":{}",
                "\"status\":\"OK\",\"ErrorCode\":1.5", "\"status\":\"WHAT\",\"ErrorCode\":\"0\"", "\"status\":true",
                "\"ErrorCode\":[]")) {
            c.add(new Case("envelope {" + env + "}", json(200, "{" + env + ",\"DocId\":\"d-1\",\"count\":1}"), vdxp, platform(200, "not the axis' envelope")));
        }
        c.add(new Case("FAIL without an ErrorCode", json(200, "{\"status\":\"FAIL\",\"DocId\":\"\"}"), vdxp, e -> {
            assertInstanceOf(PlatformException.class, e);
            assertEquals(Fault.CALLER, e.fault(), e::toString);
            assertTrue(e.platformErrorCode().isEmpty(), e::toString);
            assertEquals(200, e.httpStatus().orElse(-1), e::toString);
            assertTrue(e.getMessage().contains("without an ErrorCode"), e::toString);
            assertFalse(e.getMessage().contains("HTTP 400"), e::toString);
        }));

        // VDXP members of the wrong type
        for (String docId : List.of("null", "\"\"", "5", "{}", "[]", "\"a/b\"", "\"a b\"", "\"..\"", "\"\\u0000x\"",
                "\"" + "x".repeat(300) + "\"")) {
            c.add(new Case("DocId " + shorten(docId), json(200, "{" + OK + ",\"DocId\":" + docId + "}"),
                    EnumSet.of(Op.VDXP_SEND), platform(200, "DocId")));
        }
        for (String data : List.of("\"x\"", "5", "{}", "true")) {
            c.add(new Case("list data " + data, json(200, "{" + OK + ",\"data\":" + data + "}"),
                    EnumSet.of(Op.VDXP_LIST_RECEIVED, Op.VDXP_LIST_SENT, Op.VDXP_AGENCIES_102,
                            Op.VDXP_AGENCIES_QD20), platform(200, "not a JSON array")));
        }
        for (String count : List.of("\"abc\"", "-1", "1.5", "{}", "[]", "true", "1e400", "\"99999999999999999999\"",
                "null")) {
            c.add(new Case("count " + count, json(200, "{" + OK + ",\"count\":" + count + "}"),
                    EnumSet.of(Op.VDXP_COUNT), platform(200, "count")));
        }
        for (String data : List.of("5", "{}", "[]", "true")) {
            c.add(new Case("getEdoc data " + data, json(200, "{" + OK + ",\"data\":" + data + "}"),
                    EnumSet.of(Op.VDXP_FETCH, Op.VDXP_FETCH_TO), platform(200, "not a JSON string")));
        }
        for (String data : List.of("\"!!!!\"", "\"QUJD$\"", "\"QUJ\\u0000\"", "\"QUJD\\\"QUJD\"", "\"=QUJD\"")) {
            c.add(new Case("getEdoc data " + data, json(200, "{" + OK + ",\"data\":" + data + "}"),
                    EnumSet.of(Op.VDXP_FETCH, Op.VDXP_FETCH_TO), platform(200, "not base64")));
        }
        for (String data : List.of("\"\"", "null")) {
            c.add(new Case("getEdoc data " + data, json(200, "{" + OK + ",\"data\":" + data + "}"),
                    EnumSet.of(Op.VDXP_FETCH, Op.VDXP_FETCH_TO), platform(200, "without a package")));
        }
        c.add(new Case("getEdoc without data", json(200, "{" + OK + "}"), EnumSet.of(Op.VDXP_FETCH, Op.VDXP_FETCH_TO),
                platform(200, "without a package")));

        // LGSP members of the wrong type
        for (String docId : List.of("5", "\"\"", "{}", "\"a/b\"", "\"" + "x".repeat(300) + "\"")) {
            c.add(new Case("LGSP docId " + shorten(docId), json(200, "{\"success\":true,\"docId\":" + docId + "}"),
                    EnumSet.of(Op.LGSP_SEND), platform(200, "docId")));
        }
        c.add(new Case("LGSP send without docId", json(200, "{\"success\":true}"), EnumSet.of(Op.LGSP_SEND),
                platform(200, "docId")));
        for (String data : List.of("\"x\"", "5", "{\"docId\":\"a\"}")) {
            c.add(new Case("LGSP list data " + data, json(200, "{\"success\":true,\"data\":" + data + "}"),
                    EnumSet.of(Op.LGSP_LIST_RECEIVED, Op.LGSP_COUNT), platform(200, "not a JSON array")));
            c.add(new Case("LGSP agencies data " + data, json(200, "{\"data\":" + data + "}"),
                    EnumSet.of(Op.LGSP_AGENCIES), platform(200, "not a JSON array")));
        }
        for (String edxml : List.of("5", "\"\"", "\"!!!\"", "\"QUJD!\"", "null", "{}")) {
            c.add(new Case("LGSP data.edxml " + edxml, json(200, "{\"data\":{\"edxml\":" + edxml + "}}"),
                    EnumSet.of(Op.LGSP_FETCH, Op.LGSP_FETCH_TO), platform(200, "edxml")));
        }
        c.add(new Case("LGSP data a string", json(200, "{\"data\":\"x\"}"), EnumSet.of(Op.LGSP_FETCH,
                Op.LGSP_FETCH_TO), platform(200, "edxml")));
        return c;
    }

    private static HostileServer.Behaviour json307() {
        return thenClose("HTTP/1.1 307 Temporary\r\nLocation: /other\r\nContent-Length: 0\r\n\r\n");
    }

    private static HostileServer.Behaviour jsonStatus(int status) {
        return thenClose("HTTP/1.1 " + status + " Nope\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "\r\n{}");
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 12) + "…(" + s.length() + ")" : s;
    }

    // ---- expectations ----

    private static Consumer<EgovException> typed() {
        return e -> { };
    }

    private static Consumer<EgovException> transport() {
        return e -> {
            TransportException t = assertInstanceOf(TransportException.class, e, e::toString);
            assertTrue(t.mayHaveReachedServer(), "the server read the request: " + e);
            assertEquals(Fault.NETWORK, e.fault(), e::toString);
        };
    }

    private static Consumer<EgovException> deadline() {
        return e -> {
            TransportException t = assertInstanceOf(TransportException.class, e, e::toString);
            assertTrue(t.deadlineExceeded(), "the call's deadline ended it: " + e);
            assertTrue(t.mayHaveReachedServer(), e::toString);
        };
    }

    private static Consumer<EgovException> platform(int status) {
        return e -> {
            assertInstanceOf(PlatformException.class, e, e::toString);
            assertEquals(status, e.httpStatus().orElse(-1), e::toString);
            assertEquals(Fault.PLATFORM, e.fault(), e::toString);
            assertFalse(e.retryable(), e::toString);
        };
    }

    private static Consumer<EgovException> platform(int status, String says) {
        return platform(status).andThen(e -> assertTrue(e.getMessage().contains(says), "'" + says + "' in " + e));
    }

    /** A refusal by status: mapped by the client's error mapper (a login's 4xx is a refused login). */
    private static Consumer<EgovException> platformStatus(int status) {
        return e -> assertEquals(status, e.httpStatus().orElse(-1), e::toString);
    }

    private static Consumer<EgovException> redirect(int status, String says) {
        return platform(status, says).andThen(e -> {
            assertTrue(e.getMessage().contains("redirect"), e::toString);
            assertFalse(e.getMessage().contains("leak-me") || e.getMessage().contains("user:pw")
                    || e.getMessage().contains("frag-leak"), e::toString);
        });
    }

    private static Consumer<EgovException> emptyObject() {
        return platform(200).andThen(e -> assertFalse(e.getMessage().contains("HTTP 400"), e::toString));
    }

    // ---- a package to send ----

    private static DocumentPackage document() {
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("7", "VPCP-TTĐT")
                .promulgation("Hà Nội", today)
                .subject("V/v thử nghiệm")
                .build();
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@example.gov.vn",
                "0912000001"), List.of(), CLOCK);
    }
}
