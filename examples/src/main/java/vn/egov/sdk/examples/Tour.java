package vn.egov.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.StatusEvent;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * A guided tour of the SDK: starts the embedded national sandbox and runs each capability end to end, saying in
 * plain words what it does and what came back. Everything it produced is written to {@code --out DIR}
 * (default {@code target/tour}): {@code tour.log} (this narrative), {@code calls.json} (each call with its
 * status, attempts and correlation id), {@code sent.edxml}, {@code received.edxml} and {@code status.edxml} (a letter
 * through the national axis and the receiver's status reply), {@code document.edxml} and {@code status-reply.edxml}
 * (an edXML package built and read back), {@code payment-callback.json} (the DVCQG payment platform's callback the
 * Tour verified, byte for byte), {@code payment-hash-key.txt} (the sandbox's public test key to check it with),
 * {@code payment-receipt.pdf}, {@code id-token.jwt} (the ID token of the citizen's login, validated),
 * {@code jwks.json} (the identity provider's public keys to check it with) and {@code dossier-sync.json} (the
 * requests that pushed the dossier and its progress to the national public-service portal, with the portal's wire
 * names and replies), so they can be inspected with other tools.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am -DskipTests package exec:java} from the repository root.
 */
public final class Tour {
    private final PrintStream console;
    private final StringBuilder narrative = new StringBuilder();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ArrayNode calls = json.createArrayNode();
    private final AttemptCounter attempts = new AttemptCounter();

    Tour(PrintStream console) {
        this.console = console;
    }

    /**
     * Runs the tour.
     *
     * @param args {@code --out DIR} to choose the output folder
     * @throws IOException if the output folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = parseOut(args);
        int failures = new Tour(System.out).run(out);
        if (failures > 0) {
            System.err.println("The tour finished with " + failures + " failed step(s); see " + out.resolve("tour.log"));
            System.exit(1);
        }
    }

    static Path parseOut(String[] args) {
        return parseOut(args, Paths.get("target", "tour"));
    }

    /** Reads {@code --out DIR} from the command line; anything else is refused. */
    static Path parseOut(String[] args, Path defaultOut) {
        Path out = defaultOut;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Paths.get(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: Tour [--out DIR]; unknown argument '" + args[i] + "'");
            }
        }
        return out;
    }

    /** Runs every step; returns the number of steps whose outcome was not the expected one. */
    int run(Path out) throws IOException {
        Files.createDirectories(out);
        int failures = 0;
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            say("Started the national sandbox at " + sandbox.baseUrl()
                    + " (token endpoint, demo API, document axis, test PKI with OCSP/CRL/TSA, SmartCA).");
            OAuth2ClientCredentials credentials = OAuth2ClientCredentials.builder()
                    .tokenUrl(sandbox.tokenUrl())
                    .clientId(NationalSandbox.DEFAULT_CLIENT_ID)
                    .clientSecret(Secret.of(NationalSandbox.DEFAULT_CLIENT_SECRET))
                    .build();
            try (HttpRuntime runtime = HttpRuntime.builder().settings(ClientSettings.builder().addInterceptor(attempts)
                    .deadline(Duration.ofSeconds(20)).build())
                    .auth(credentials)
                    .build()) {
                failures += step("1. Obtain an OAuth2 token and make a first call", () -> {
                    ApiResponse r = call(runtime, "echo", ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=xin-chao"),
                            RequestOptions.DEFAULT);
                    expect(r.status() == 200 && sandbox.tokensIssued() == 1, "expected 200 and one token");
                    return "HTTP " + r.status() + ", body " + r.bodyAsString() + "; tokens issued: "
                            + sandbox.tokensIssued() + " (the client secret was sent only to the token endpoint)";
                });
                failures += step("2. Create an order (an unsafe call: the SDK adds an idempotency key)", () -> {
                    ApiResponse r = call(runtime, "create-order", ApiRequest.post(sandbox.baseUrl() + "/demo/orders",
                            HttpBody.json("{\"item\":\"le phi\",\"amount\":50000}")), RequestOptions.DEFAULT);
                    expect(r.status() == 201 && sandbox.ordersCreated() == 1, "expected 201 and one order");
                    return "HTTP " + r.status() + ", orders on the server: " + sandbox.ordersCreated();
                });
                failures += step("3. Survive a connection reset on a read", () -> {
                    sandbox.faults().on("/demo/echo").connectionReset();
                    ApiResponse r = call(runtime, "echo-after-reset",
                            ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=again"), RequestOptions.DEFAULT);
                    expect(r.status() == 200 && attempts.last() == 2, "expected success on attempt 2");
                    return "HTTP " + r.status() + " after " + attempts.last() + " attempts (the first was reset)";
                });
                failures += step("4. Server did the work, client never heard: the idempotency key prevents a"
                        + " duplicate", () -> {
                    int before = sandbox.ordersCreated();
                    sandbox.faults().on("POST", "/demo/orders").afterServing().connectionReset();
                    ApiResponse r = call(runtime, "create-order-retried", ApiRequest.post(
                            sandbox.baseUrl() + "/demo/orders", HttpBody.json("{\"item\":\"phi\",\"amount\":1}")),
                            RequestOptions.DEFAULT);
                    int created = sandbox.ordersCreated() - before;
                    expect(created == 1 && attempts.last() == 2, "expected exactly one order after a retry");
                    return "HTTP " + r.status() + " after " + attempts.last() + " attempts; orders created: "
                            + created + " (the retry carried the same key, the server replayed its answer)";
                });
                failures += step("5. Without an idempotency key the SDK refuses to guess", () -> {
                    int before = sandbox.ordersCreated();
                    sandbox.faults().on("POST", "/demo/orders").afterServing().connectionReset();
                    try {
                        call(runtime, "create-order-no-key", ApiRequest.post(sandbox.baseUrl() + "/demo/orders",
                                HttpBody.json("{\"item\":\"x\"}")),
                                RequestOptions.builder().withoutIdempotencyKey().build());
                        throw new IllegalStateException("the call should have failed");
                    } catch (TransportException e) {
                        expect(e.mayHaveReachedServer() && e.attempts() == 1, "expected one attempt, outcome unknown");
                        return "TransportException after " + e.attempts() + " attempt: \"" + e.getMessage()
                                + "\"; orders created: " + (sandbox.ordersCreated() - before)
                                + " (reconcile before sending again)";
                    }
                });
                failures += step("6. Rate limited: wait as the server asks (429, Retry-After: 1)", () -> {
                    sandbox.faults().on("/demo/echo").tooManyRequests(Duration.ofSeconds(1));
                    long start = System.nanoTime();
                    ApiResponse r = call(runtime, "echo-rate-limited",
                            ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=slowly"), RequestOptions.DEFAULT);
                    long waited = (System.nanoTime() - start) / 1_000_000;
                    expect(r.status() == 200 && waited >= 1000, "expected success after waiting 1 s");
                    return "HTTP " + r.status() + " after waiting " + waited + " ms";
                });
                failures += step("7. Token revoked by the platform: refresh once and repeat", () -> {
                    int before = sandbox.tokensIssued();
                    sandbox.revokeTokens();
                    ApiResponse r = call(runtime, "echo-after-revocation",
                            ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=new-token"), RequestOptions.DEFAULT);
                    expect(r.status() == 200 && sandbox.tokensIssued() == before + 1, "expected one new token");
                    return "HTTP " + r.status() + " after " + attempts.last() + " attempts; new tokens: "
                            + (sandbox.tokensIssued() - before);
                });
                failures += step("8. A platform that keeps failing: a typed error, whose fault, how many tries",
                        () -> {
                    sandbox.faults().on("/demo/echo").always().status(503);
                    try {
                        call(runtime, "echo-unavailable", ApiRequest.get(sandbox.baseUrl() + "/demo/echo?msg=x"),
                                RequestOptions.builder().maxAttempts(2).build());
                        throw new IllegalStateException("the call should have failed");
                    } catch (EgovException e) {
                        expect(e.attempts() == 2 && e.httpStatus().orElse(0) == 503, "expected 2 attempts, 503");
                        return e.getClass().getSimpleName() + ": fault=" + e.fault() + ", HTTP "
                                + e.httpStatus().getAsInt() + ", attempts=" + e.attempts() + ", retryable="
                                + e.retryable() + ", correlationId=" + e.correlationId().orElse("-");
                    } finally {
                        sandbox.faults().clear();
                    }
                });
            }
            failures += step("9. Build an edXML package (QCVN 102:2016), validate it, write it and read it back", () -> {
                EdXmlTourStep.Result r = EdXmlTourStep.run(out);
                expect(r.roundTripEqual() && r.valid(), "expected a valid package that reads back equal");
                return "wrote " + r.document().getFileName() + " (" + r.documentBytes() + " bytes, "
                        + r.warnings() + " validation warning(s)), read it back equal; replied with status "
                        + r.status() + " in " + r.statusFile().getFileName();
            });
            failures += axisSteps(sandbox, out);
            PaymentCallback[] paid = new PaymentCallback[1];
            failures += step("18. Pay the dossier's fee (150 000 VND) through the payment platform of the national "
                    + "public-service portal: INIT with the receipt info, the citizen pays, the platform's callback "
                    + "reaches our endpoint, is verified (MaXacThuc) and applied once, and GET_BILL fetches the "
                    + "receipt", () -> {
                FeePayment.Result r = FeePayment.pay(sandbox, DossierTourStep.DOSSIER_CODE, out,
                        line -> say("   · " + line));
                FeePayment.writeHashKey(out);
                paid[0] = r.verified();
                return "paid " + r.verified().reference() + "; wrote " + FeePayment.CALLBACK_FILE + " (the callback "
                        + "as received), " + FeePayment.HASH_KEY_FILE + " (the sandbox's public test key) and "
                        + FeePayment.RECEIPT_FILE;
            });
            failures += step("19. Log a citizen in through the national SSO (VNeID, IAL2)", () -> {
                IdentityTourStep.Result r = IdentityTourStep.run(sandbox, out, line -> say("   · " + line));
                return "logged in " + r.login().identity().accountType().name() + " with IAL"
                        + r.login().identity().ial().getAsInt() + ", back to " + r.login().returnPath() + "; wrote "
                        + IdentityTourStep.ID_TOKEN_FILE + " (the validated ID token) and "
                        + IdentityTourStep.JWKS_FILE + " (the provider's public keys)";
            });
            failures += step("20. Push the dossier whose fee was paid, received at the one-stop shop, and its progress "
                    + "to the national public-service portal (simulated DVCQG adapter)", () -> {
                DossierTourStep.Result r = DossierTourStep.run(sandbox, paid[0], out, line -> say("   · " + line));
                return "the portal holds " + r.held().maHoSo() + "; wrote " + DossierTourStep.SYNC_FILE
                        + " (the requests sent, wire names, and the portal's replies)";
            });
        }
        Files.writeString(out.resolve("calls.json"), json.writeValueAsString(calls), StandardCharsets.UTF_8);
        say(failures == 0 ? "All steps behaved as expected." : failures + " step(s) did not behave as expected.");
        Files.writeString(out.resolve("tour.log"), narrative, StandardCharsets.UTF_8);
        console.println("Wrote " + out.resolve("tour.log") + " and " + out.resolve("calls.json"));
        return failures;
    }

    /**
     * Steps 10–12: a signed document through the national axis and a status back; steps 13–16: PDF, CMS and a
     * revoked signer caught.
     */
    private int axisSteps(NationalSandbox sandbox, Path out) {
        int failed = 0;
        try (PkixCertificateValidator validator = SigningDemo.validator(sandbox)) {
            EdXmlAxisSignatures senderXml = SigningDemo.edxml(sandbox, TestPki.Kind.AGENCY, validator);
            EdXmlAxisSignatures receiverXml = SigningDemo.edxml(sandbox, TestPki.Kind.GOOD, validator);
            try (VdxpAxisClient sender = AxisDemo.sender(sandbox, senderXml);
                    VdxpAxisClient receiver = AxisDemo.receiver(sandbox, receiverXml)) {
                String[] docId = new String[1];
                failed += step("10. Send an official letter from Văn phòng Chính phủ to UBND tỉnh Nghệ An through the "
                        + "national axis (VDXP, HMAC header bundle), signed with the agency's key (XML-DSig, "
                        + "RSA-SHA256)", () -> {
                    SendResult r = AxisDemo.send(sender, AxisDemo.letter("123"), out.resolve("sent.edxml"));
                    docId[0] = r.docId();
                    expect(r.archive().isPresent(), "expected the sent bytes archived");
                    return "the axis accepted it: docId " + r.docId() + ", DocumentId " + r.documentId()
                            + "; archived the " + r.size() + " bytes sent (SHA-256 " + r.sha256().substring(0, 12)
                            + "…) to sent.edxml";
                });
                failed += step("11. Receive it as UBND tỉnh Nghệ An with the receive loop, verify its signature "
                        + "(chain to the test root, OCSP), acknowledge it and answer with status 03 (accepted)", () -> {
                    AxisDemo.Received r = AxisDemo.receiveOnce(receiver, out.resolve("checkpoints-receiver.log"),
                            out, AxisDemo.RECEIVER);
                    expect(r.docIds().equals(java.util.List.of(docId[0])), "expected exactly the sent document");
                    expect(r.signatures().size() == 1, "expected the signature checked");
                    SignatureCheck check = r.signatures().get(0);
                    expect(check.indication() == SignatureCheck.Indication.VALID, "expected VALID: " + check);
                    return "received " + r.docIds() + ", signature " + check.indication() + " by "
                            + check.signer().orElse("?") + " (" + check.reason() + "); acknowledged it, sent status "
                            + "03; wrote received.edxml and status.edxml";
                });
                failed += step("12. The sender's receive loop gets the status back as a typed event", () -> {
                    AxisDemo.Received r = AxisDemo.receiveOnce(sender, out.resolve("checkpoints-sender.log"), out,
                            AxisDemo.SENDER);
                    expect(r.statuses().size() == 1, "expected one status event");
                    StatusEvent e = r.statuses().get(0);
                    return "status " + e.status() + " for " + e.responseFor().documentId();
                });
            }
            failed += SigningTourSteps.run(sandbox, validator, out, this::step);
        }
        return failed;
    }

    private ApiResponse call(HttpRuntime runtime, String name, ApiRequest request, RequestOptions options) {
        ObjectNode record = calls.addObject();
        record.put("step", name);
        record.put("request", request.toString());
        try {
            ApiResponse response = runtime.execute(request, options);
            record.put("status", response.status());
            record.put("attempts", attempts.last());
            record.put("correlationId", attempts.lastCorrelationId());
            JsonNode body = parseOrText(response.bodyAsString());
            record.set("body", body);
            return response;
        } catch (EgovException e) {
            record.put("exception", e.getClass().getSimpleName());
            record.put("fault", e.fault().name());
            record.put("attempts", e.attempts());
            record.put("correlationId", e.correlationId().orElse(null));
            record.put("message", e.getMessage());
            throw e;
        }
    }

    private JsonNode parseOrText(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    int step(String title, Step step) {
        say("");
        say(title);
        try {
            say("   → " + step.run());
            return 0;
        } catch (RuntimeException e) {
            say("   ✗ unexpected: " + e);
            return 1;
        }
    }

    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    private void say(String line) {
        console.println(line);
        narrative.append(line).append('\n');
    }

    /** One step of the tour: does something and says what happened, or throws. */
    @FunctionalInterface
    interface Step {
        String run();
    }

    /** Runs a titled step, returning 1 when it did not behave as expected. */
    @FunctionalInterface
    interface StepRunner {
        int step(String title, Step step);
    }

    /** An interceptor that notes the attempt number and correlation id of the last call: interceptors at work. */
    private static final class AttemptCounter implements HttpInterceptor {
        private final AtomicInteger last = new AtomicInteger();
        private volatile String correlationId;

        @Override
        public ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
            last.set(context.attempt());
            correlationId = context.correlationId();
            return request;
        }

        int last() {
            return last.get();
        }

        String lastCorrelationId() {
            return correlationId;
        }
    }
}
