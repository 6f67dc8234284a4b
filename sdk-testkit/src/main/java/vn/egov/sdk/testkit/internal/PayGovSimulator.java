package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.egov.sdk.testkit.PayGovSandbox;

/**
 * PayGov behind a provincial LGSP, under {@code /paygov/}: the payment request ({@code PayGov/Paygate}, standard
 * checksum or the Đồng Tháp form), the payment page, the test API, signed result callbacks, the receipt
 * ({@code PayGov/BienLai}), the Đồng Tháp {@code PayGov/CheckSumUrlReturn} check and an [INFERRED]
 * {@code PayGov/Query}. LGSP calls need a live sandbox bearer token and an {@code lgspaccesstoken} header.
 * Thread-safe.
 */
public final class PayGovSimulator implements Simulator {
    /** The system name on this simulator's callbacks, which picks their delivery plan. */
    public static final String SYSTEM = "paygov";
    /** Wire times: 24-hour, Asia/Ho_Chi_Minh. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /**
     * A partner PayGov knows.
     *
     * @param partnerCode the partner code
     * @param accessKey the access key (empty for Đồng Tháp)
     * @param secretKey the secret key
     * @param serviceCode the service code (empty for Đồng Tháp)
     * @param dongThap whether it uses the Đồng Tháp request form
     */
    public record Partner(String partnerCode, String accessKey, String secretKey, String serviceCode,
            boolean dongThap) {
    }

    private final Clock clock;
    private final BearerGuard guard;
    private final Map<String, Partner> partners = new ConcurrentHashMap<>();
    private final Map<String, PayGovTransaction> transactions = new LinkedHashMap<>();
    private final CallbackDispatcher dispatcher;
    private final AtomicLong sequence = new AtomicLong();
    private volatile URI callbackUrl;

    /**
     * Creates the simulator.
     *
     * @param clock the sandbox clock
     * @param guard checks the LGSP bearer token
     * @param known the partners
     * @param dispatcher sends callbacks (the sandbox's shared one)
     */
    public PayGovSimulator(Clock clock, BearerGuard guard, List<Partner> known, CallbackDispatcher dispatcher) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        known.forEach(p -> partners.put(p.partnerCode(), p));
    }

    /**
     * The partners {@link vn.egov.sdk.testkit.PayGovSandbox} documents: the standard one and the Đồng Tháp one.
     *
     * @return the partners
     */
    public static List<Partner> defaultPartners() {
        return List.of(new Partner(PayGovSandbox.PARTNER_CODE, PayGovSandbox.ACCESS_KEY, PayGovSandbox.SECRET_KEY,
                        PayGovSandbox.SERVICE_CODE, false),
                new Partner(PayGovSandbox.DONG_THAP_PARTNER_CODE, "", PayGovSandbox.DONG_THAP_SECRET_KEY, "", true));
    }

    @Override
    public String pathPrefix() {
        return "/paygov/";
    }

    /**
     * Where callbacks go; {@code null} sends them to each payment's {@code returnUrl}.
     *
     * @param url the vendor's callback URL
     */
    public void callbackUrl(URI url) {
        this.callbackUrl = url;
    }

    /**
     * The dispatcher that sends callbacks (the sandbox's shared one, which the sandbox resets and closes).
     *
     * @return the dispatcher
     */
    public CallbackDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * How many transactions were created.
     *
     * @return the count
     */
    public synchronized int transactionCount() {
        return transactions.size();
    }

    /**
     * A transaction's state.
     *
     * @param requestCode the request code
     * @return the state's name, or empty when unknown
     */
    public synchronized Optional<String> state(String requestCode) {
        return Optional.ofNullable(transactions.get(requestCode)).map(t -> t.state.name());
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path().substring(pathPrefix().length());
        String[] parts = path.split("/");
        if (parts.length >= 2 && parts[0].equals("page")) {
            return PayGovPage.handle(this, request, parts);
        }
        if (parts.length == 3 && parts[0].equals("_test") && request.isMethod("POST")) {
            return testAction(parts[1], parts[2]);
        }
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "method_not_allowed", "use POST").withHeader("Allow", "POST");
        }
        Optional<SimResponse> refused = lgspAuth(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<JsonNode> body = JsonCodec.tryParse(request.body()).filter(JsonNode::isObject);
        if (body.isEmpty()) {
            return failed(400, "the body must be a JSON object");
        }
        return switch (path) {
            case "PayGov/Paygate" -> PayGovRequests.create(this, body.get(), request.header("Host").orElse(""));
            case "PayGov/BienLai" -> receipt(body.get());
            case "PayGov/CheckSumUrlReturn" -> checkReturn(body.get());
            case "PayGov/Query" -> query(body.get());
            default -> failed(404, "no PayGov call " + path);
        };
    }

    private Optional<SimResponse> lgspAuth(SimRequest request) {
        Optional<SimResponse> bearer = guard.reject(request);
        if (bearer.isPresent()) {
            return bearer;
        }
        Optional<String> header = request.header("lgspaccesstoken");
        try {
            Optional<JsonNode> json = header.map(h -> Base64.getDecoder().decode(h.trim()))
                    .flatMap(JsonCodec::tryParse);
            if (json.isPresent() && !json.get().path("AccessKey").asText("").isBlank()) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below
        }
        return Optional.of(SimResponse.error(401, "invalid_token", "no valid lgspaccesstoken header"));
    }

    Optional<Partner> partner(String code) {
        return Optional.ofNullable(code).map(partners::get);
    }

    synchronized Optional<PayGovTransaction> find(String requestCode) {
        return Optional.ofNullable(transactions.get(requestCode));
    }

    /** Adds the transaction unless its requestCode exists; returns the one stored. */
    synchronized PayGovTransaction putIfAbsent(PayGovTransaction t) {
        return transactions.computeIfAbsent(t.requestCode, k -> t);
    }

    String nextTransactionNo() {
        return "PG" + TIME.format(clock.instant()) + String.format("%06d", sequence.incrementAndGet());
    }

    /**
     * Moves a pending transaction to a final state and sends its callback (none for an expiry).
     *
     * @param requestCode the request code
     * @param action {@code pay}, {@code fail}, {@code cancel} or {@code expire}
     * @param bank the paygate (bank) name shown in the callback
     * @return the transaction, or empty when unknown or already final
     */
    Optional<PayGovTransaction> settle(String requestCode, String action, String bank) {
        PayGovTransaction t;
        Map<String, String> fields;
        synchronized (this) {
            t = transactions.get(requestCode);
            if (t == null || t.state != PayGovTransaction.State.PENDING) {
                return Optional.empty();
            }
            switch (action) {
                case "pay" -> { t.state = PayGovTransaction.State.PAID; t.errorCode = "00"; }
                case "fail" -> { t.state = PayGovTransaction.State.FAILED; t.errorCode = "01"; }
                case "cancel" -> { t.state = PayGovTransaction.State.FAILED; t.errorCode = "02"; }
                default -> { t.state = PayGovTransaction.State.EXPIRED; t.errorCode = "24"; }
            }
            t.payDate = TIME.format(clock.instant());
            t.paygate = bank;
            fields = callbackFields(t);
        }
        if (!"expire".equals(action)) {
            URI to = callbackUrl != null ? callbackUrl : t.returnUrl;
            Map<String, Object> wire = new LinkedHashMap<>(fields);
            wire.put("amount", t.amount); // a number on the wire, decimal digits in the checksum
            byte[] body = JsonCodec.write(wire);
            dispatcher.deliver(List.of(new CallbackDispatcher.Callback(SYSTEM, requestCode, to,
                    "application/json; charset=UTF-8", body)));
        }
        return Optional.of(t);
    }

    /** The signed callback body of a settled transaction, in PayGov's field order. */
    Map<String, String> callbackFields(PayGovTransaction t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderId", t.orderId);
        f.put("amount", Long.toString(t.amount));
        f.put("orderInfo", t.orderInfo);
        f.put("requestCode", t.requestCode);
        f.put("transactionNo", t.transactionNo);
        f.put("payDate", t.payDate);
        f.put("paygate", t.paygate);
        f.put("errorCode", t.errorCode);
        f.put("type", "PAYMENT");
        f.put("transactionCode", t.transactionNo);
        f.put("checksum", PayGovSigner.result(partners.get(t.partnerCode).secretKey(), f));
        return f;
    }

    /** The parameters put on the return URL: a few fields and their result checksum. */
    synchronized Map<String, String> returnParameters(PayGovTransaction t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderId", t.orderId);
        f.put("requestCode", t.requestCode);
        f.put("amount", Long.toString(t.amount));
        f.put("errorCode", t.errorCode);
        f.put("checksum", PayGovSigner.result(partners.get(t.partnerCode).secretKey(), f));
        return f;
    }

    /**
     * Settles a pending payment for a test, as {@code POST /paygov/_test/{requestCode}/{action}} does.
     *
     * @param requestCode the request code
     * @param action {@code pay}, {@code fail} or {@code expire}
     * @return whether a pending payment was settled
     */
    public boolean settleForTest(String requestCode, String action) {
        return settle(requestCode, action, "SANDBOX-BANK").isPresent();
    }

    private SimResponse testAction(String requestCode, String action) {
        if (!List.of("pay", "fail", "expire").contains(action)) {
            return failed(404, "the test API has pay, fail and expire");
        }
        Optional<PayGovTransaction> t = settle(requestCode, action, "SANDBOX-BANK");
        if (t.isEmpty()) {
            return failed(find(requestCode).isPresent() ? 409 : 404,
                    "no pending transaction with requestCode " + requestCode);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestCode", requestCode);
        body.put("state", t.get().state.name());
        return SimResponse.json(200, body);
    }

    private SimResponse receipt(JsonNode body) {
        Optional<PayGovTransaction> t = find(body.path("requestCode").asText(""));
        if (t.isEmpty() || !t.get().orderId.equals(body.path("orderId").asText(""))) {
            return failed(404, "no such transaction");
        }
        if (t.get().state != PayGovTransaction.State.PAID) {
            return failed(409, "the transaction is not paid");
        }
        String pdf = "%PDF-1.4\n% sandbox receipt (bien lai) " + t.get().requestCode + " " + t.get().amount
                + " VND\n%%EOF\n";
        return data("transactionReceipt", Base64.getEncoder().encodeToString(pdf.getBytes(StandardCharsets.UTF_8)));
    }

    private SimResponse checkReturn(JsonNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue().asText(""));
        }
        Optional<PayGovTransaction> t = find(fields.getOrDefault("requestCode", ""));
        boolean ok = t.isPresent() && PayGovSigner.same(
                PayGovSigner.result(partners.get(t.get().partnerCode).secretKey(), fields), fields.get("checksum"));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("error_code", ok ? "SUCCESSFUL" : "FAILED");
        reply.put("message", ok ? "checksum valid" : "checksum invalid");
        return SimResponse.json(200, reply);
    }

    private SimResponse query(JsonNode body) {
        Optional<PayGovTransaction> t = find(body.path("requestCode").asText(""));
        if (t.isEmpty()) {
            return failed(404, "no such transaction");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (this) {
            data.put("errorCode", t.get().errorCode);
            data.put("transactionNo", t.get().transactionNo);
            data.put("amount", t.get().amount);
        }
        return SimResponse.json(200, Map.of("data", data));
    }

    static SimResponse data(String name, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(name, value);
        return SimResponse.json(200, Map.of("data", data));
    }

    static SimResponse failed(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", "FAILED");
        body.put("error_message", message);
        return SimResponse.json(status, body);
    }

    @Override
    public synchronized void reset() {
        transactions.clear();
        callbackUrl = null;
    }
}
