package vn.egov.sdk.payment.dvcqg;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * A vendor for the DVCQG payment tests: a client on the sandbox and a callback endpoint on a JDK HTTP server that
 * hands every callback to {@code handleCallback} and keeps what happened. Also the tests' own signer, written from
 * DOMAIN's field lists (not the SDK's).
 */
final class DvcqgPayFixture implements AutoCloseable {
    final NationalSandbox sandbox;
    final DvcqgPaymentPlatformClient client;
    final HttpServer server;
    final BlockingQueue<CallbackOutcome> outcomes = new LinkedBlockingQueue<>();
    final List<String> rawCallbacks = new CopyOnWriteArrayList<>();
    final AtomicInteger effects = new AtomicInteger();

    DvcqgPayFixture(NationalSandbox sandbox) {
        this(sandbox, DvcqgPaymentPlatformClient.builder());
    }

    DvcqgPayFixture(NationalSandbox sandbox, DvcqgPaymentPlatformClientBuilder builder) {
        this.sandbox = sandbox;
        this.client = builder.settings(settings(sandbox).build())
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(DvcqgPaySandbox.SECRET))
                .merchantIp("10.0.0.5").build();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/dvc/confirm", exchange -> {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            rawCallbacks.add(new String(raw, StandardCharsets.UTF_8));
            CallbackOutcome outcome = client.handleCallback(raw, p -> effects.incrementAndGet(), Instant.now());
            outcomes.add(outcome);
            byte[] reply = outcome.reply().body();
            exchange.getResponseHeaders().add("Content-Type", outcome.reply().contentType());
            exchange.sendResponseHeaders(outcome.reply().httpStatus(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        sandbox.dvcqgPay().callbackUrl(callbackUrl());
    }

    static vn.egov.sdk.core.http.ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.dvcqgPayUrl())
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build());
    }

    URI callbackUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dvc/confirm");
    }

    CallbackOutcome nextOutcome() throws InterruptedException {
        CallbackOutcome o = outcomes.poll(10, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return o;
    }

    boolean noMoreOutcomes(Duration wait) throws InterruptedException {
        return outcomes.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /** The tests' own checksum: SHA-256 hex of the fields joined with '|', then '|' and the secret. */
    static String sign(List<String> fields, String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((String.join("|", fields) + "|" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A callback body in the wire order, {@code SoTien} a number, signed over {@code signedFields}.
     */
    static String callbackJson(Map<String, String> f, String checksum) {
        return "{\"LoaiBanTin\":\"" + f.get("LoaiBanTin") + "\",\"MaLoi\":\"" + f.get("MaLoi") + "\",\"MaDoiTac\":\""
                + f.get("MaDoiTac") + "\",\"MaThamChieu\":\"" + f.get("MaThamChieu") + "\",\"SoTien\":"
                + f.get("SoTien") + ",\"MaTienTe\":\"" + f.get("MaTienTe") + "\",\"MaGiaoDich\":\""
                + f.get("MaGiaoDich") + "\",\"MaNganHang\":\"" + f.get("MaNganHang") + "\",\"ThoiGianGD\":\""
                + f.get("ThoiGianGD") + "\",\"ThongTinGiaoDich\":\"" + f.get("ThongTinGiaoDich")
                + "\",\"MaXacThuc\":\"" + checksum + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
