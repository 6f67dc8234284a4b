package vn.egov.sdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * What the SDK's {@link HttpRuntime} costs on top of the OkHttp client it wraps: both benchmarks send
 * {@code GET /ping} over a kept-alive loopback connection to an in-process JDK {@link HttpServer} that answers
 * 200 with a 105-byte JSON body, and hand the body bytes to a {@link Blackhole}.
 *
 * <ul>
 *   <li>{@link #rawOkHttp}: a plain {@link OkHttpClient} (defaults), one {@link Request} built per call,
 *       {@code newCall(request).execute()}, {@code body().bytes()}, close.</li>
 *   <li>{@link #sdkRuntime}: an {@link HttpRuntime} with default settings, {@code execute(ApiRequest.get(url))},
 *       {@code response.body()}: correlation id, standard headers, deadline, retry bookkeeping, bounded body
 *       read and the immutable {@link ApiResponse} all included.</li>
 * </ul>
 *
 * The acceptance target (docs/PERFORMANCE.md) is sdkRuntime ≥ 0.9 × rawOkHttp in ops/s. One JMH run measures
 * both, one after the other; JMH gives each benchmark its own fresh JVM (fork), with its own server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// 10 s of warm-up: on the 2-vCPU reference machine both paths need 4-5 s of JIT before they level off (the SDK
// path about a second more than raw OkHttp); a 1 s warm-up measures the compiler, not the client.
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
// nodelay: the JDK server writes the status line/headers and the body in two writes; with Nagle on, the body can
// wait for the client's delayed ACK and both benchmarks would measure the TCP stack's 40 ms timer, not the client.
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
public class HttpRuntimeBenchmark {

    /** The body {@code GET /ping} answers: 105 bytes of JSON. */
    static final byte[] PING_BODY = ("{\"status\":\"ok\",\"service\":\"egov-benchmark\","
            + "\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"ping\":\"pong\",\"n\":12345}}")
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService serverExecutor;
    private String url;

    private OkHttpClient okHttp;
    private HttpRuntime runtime;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // For runs that bypass @Fork's jvmArgsAppend (-f 0); the JDK server reads it when its classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        AtomicInteger threadNo = new AtomicInteger();
        serverExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ping-server-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        server.createContext("/ping", HttpRuntimeBenchmark::ping);
        server.setExecutor(serverExecutor);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";

        okHttp = new OkHttpClient();
        runtime = HttpRuntime.builder().build();

        // Fail fast, before any measurement, if either path does not get the expected answer.
        check("rawOkHttp", rawCall());
        check("sdkRuntime", sdkCall());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (runtime != null) {
            runtime.close();
        }
        if (okHttp != null) {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
        if (server != null) {
            server.stop(0);
        }
        if (serverExecutor != null) {
            serverExecutor.shutdownNow();
        }
    }

    /** Plain OkHttp: the floor the SDK is compared with. */
    @Benchmark
    public void rawOkHttp(Blackhole bh) throws IOException {
        bh.consume(rawCall());
    }

    /** The SDK runtime with default settings. */
    @Benchmark
    public void sdkRuntime(Blackhole bh) {
        bh.consume(sdkCall());
    }

    private byte[] rawCall() throws IOException {
        Request request = new Request.Builder().url(url).build();
        try (Response response = okHttp.newCall(request).execute()) {
            return response.body().bytes();
        }
    }

    private byte[] sdkCall() {
        ApiResponse response = runtime.execute(ApiRequest.get(url));
        return response.body();
    }

    private static void check(String name, byte[] body) {
        if (!Arrays.equals(body, PING_BODY)) {
            throw new IllegalStateException(name + ": unexpected body from /ping: "
                    + new String(body, StandardCharsets.UTF_8));
        }
    }

    private static void ping(HttpExchange exchange) throws IOException {
        try {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes(); // GET has none; drain anyway so the connection can be reused
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, PING_BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PING_BODY);
            }
        } finally {
            exchange.close(); // HttpExchange is AutoCloseable only from Java 18
        }
    }
}
