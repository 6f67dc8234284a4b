package vn.egov.sdk.payment.paygov;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.PayGovSandbox;

/** A vendor's callback endpoint on a local JDK HTTP server, in front of one {@link PayGovClient}. */
final class PayGovTestSupport implements AutoCloseable {
    final HttpServer server;
    final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<CallbackOutcome> outcomes = new CopyOnWriteArrayList<>();
    volatile PayGovClient client;

    PayGovTestSupport() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        PaymentEffect effect = p -> effects.computeIfAbsent(p.reference(), k -> new AtomicInteger()).incrementAndGet();
        server.createContext("/paygov-callback", exchange -> {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            CallbackOutcome outcome = client.handleCallback(raw, effect, Instant.now());
            outcomes.add(outcome);
            byte[] reply = outcome.reply().body();
            exchange.getResponseHeaders().add("Content-Type", outcome.reply().contentType());
            exchange.sendResponseHeaders(outcome.reply().httpStatus(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    URI callbackUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/paygov-callback");
    }

    int effectsFor(String reference) {
        AtomicInteger n = effects.get(reference);
        return n == null ? 0 : n.get();
    }

    static ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.payGov().baseUrl())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5));
    }

    static PayGovClientBuilder standard(NationalSandbox sandbox) {
        return PayGovClient.builder().settings(settings(sandbox).build()).auth(sandbox.payGov().lgspAuth())
                .partner(PayGovSandbox.PARTNER_CODE, PayGovSandbox.ACCESS_KEY, Secret.of(PayGovSandbox.SECRET_KEY))
                .serviceCode(PayGovSandbox.SERVICE_CODE).unitCode("000.00.15.H12")
                .returnUrl(URI.create("https://dichvucong.example.gov.vn/paygov/return"))
                .inferredResultVerifier();
    }

    static PayGovClientBuilder dongThap(NationalSandbox sandbox) {
        return PayGovClient.builder().settings(settings(sandbox).build()).auth(sandbox.payGov().lgspAuth())
                .variant(PayGovVariant.DONG_THAP)
                .partner(PayGovSandbox.DONG_THAP_PARTNER_CODE, null, Secret.of(PayGovSandbox.DONG_THAP_SECRET_KEY))
                .unitCode("000.00.31.H20").accountPay("1234567890")
                .returnUrl(URI.create("https://dichvucong.dongthap.example.gov.vn/return"))
                .inferredResultVerifier();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (client != null) {
            client.close();
        }
    }
}
