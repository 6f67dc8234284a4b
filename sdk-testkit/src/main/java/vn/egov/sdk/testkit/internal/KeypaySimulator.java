package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Keypay DVCQG JSON variant (version 3.0) under {@code /keypay/}: {@code POST create} checks {@code check_sum}
 * (HMAC-SHA256 with the client's hash_key_1 over {@code addition_fee|client_id|command|trans_amount|transaction_id|
 * version}) and answers {@code {error:"0", msg, payment_url}} with a page on this sandbox ({@code page/{id}}: a bank,
 * Pay, Fail, Cancel buttons, see {@code KeypayPage}); {@code POST detail} checks {@code
 * client_id|command|transaction_id} and answers the transaction's status (0 paid, 1 pending, 2 failed, 3 expired);
 * {@code POST _test/{id}/pay|fail|expire} does what the page does. Paying or failing sends a callback signed with
 * hash_key_2 to the URL registered for the client (else the create request's {@code return_url}) through the {@link
 * CallbackDispatcher}. A create repeated with the same {@code transaction_id} and amount answers the same page (one
 * transaction). Checksums are computed here, not with the SDK's code. Errors: {@code error} 1 unknown client, 2 bad
 * check_sum, 3 bad request, 4 id reused with another amount, 5 unknown transaction. Thread-safe.
 */
public final class KeypaySimulator implements Simulator {
    /** The prefix. */
    public static final String PREFIX = "/keypay/";

    private static final Pattern PAGE = Pattern.compile("/keypay/page/([A-Za-z0-9_-]{1,64})");
    private static final Pattern TEST = Pattern.compile("/keypay/_test/([A-Za-z0-9_-]{1,64})/(pay|fail|expire)");

    /** The system name on this simulator's callbacks, which picks their delivery plan. */
    public static final String SYSTEM = "keypay";

    /** The default client's id (a public test value). */
    public static final String DEFAULT_CLIENT_ID = "keypay-sandbox";
    /** The default client's hash_key_1 (a public test value, not a secret of any real system). */
    public static final String DEFAULT_HASH_KEY_1 = "sandbox-keypay-hash-key-1";
    /** The default client's hash_key_2 (a public test value, not a secret of any real system). */
    public static final String DEFAULT_HASH_KEY_2 = "sandbox-keypay-hash-key-2";

    private final Map<String, String[]> clients = new ConcurrentHashMap<>();
    private final Map<String, URI> callbackUrls = new ConcurrentHashMap<>();
    private final Map<String, KeypayTransaction> transactions = new ConcurrentHashMap<>();
    private final CallbackDispatcher dispatcher;
    private final AtomicLong codes = new AtomicLong(100_000);

    /**
     * Creates the simulator with the default client.
     *
     * @param dispatcher sends callbacks (the sandbox's shared one)
     */
    public KeypaySimulator(CallbackDispatcher dispatcher) {
        this(dispatcher, DEFAULT_CLIENT_ID, DEFAULT_HASH_KEY_1, DEFAULT_HASH_KEY_2);
    }

    /**
     * Creates the simulator with one client.
     *
     * @param dispatcher sends callbacks (the sandbox's shared one)
     * @param clientId the client id
     * @param hashKey1 its hash_key_1
     * @param hashKey2 its hash_key_2
     */
    public KeypaySimulator(CallbackDispatcher dispatcher, String clientId, String hashKey1, String hashKey2) {
        this.dispatcher = java.util.Objects.requireNonNull(dispatcher, "dispatcher");
        clients.put(clientId, new String[] {hashKey1, hashKey2});
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    /**
     * Where callbacks for a client go, instead of the create request's {@code return_url}.
     *
     * @param clientId the client
     * @param url the vendor's callback URL
     */
    public void callbackUrl(String clientId, URI url) {
        callbackUrls.put(clientId, url);
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
     * The transactions, in no order.
     *
     * @return a copy
     */
    public List<KeypayTransaction> transactions() {
        return new ArrayList<>(transactions.values());
    }

    /**
     * One transaction.
     *
     * @param id its {@code transaction_id}
     * @return the transaction, if created
     */
    public Optional<KeypayTransaction> transaction(String id) {
        return Optional.ofNullable(transactions.get(id));
    }

    @Override
    public void reset() {
        transactions.clear();
        callbackUrls.clear();
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path();
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            return KeypayPage.handle(this, request, page.group(1));
        }
        Matcher test = TEST.matcher(path);
        if (test.matches() && request.isMethod("POST")) {
            return finish(test.group(1), test.group(2));
        }
        if (!request.isMethod("POST")) {
            return SimResponse.json(405, answer("3", "POST only"));
        }
        Map<String, String> f = fields(request.body());
        if (f == null) {
            return SimResponse.json(400, answer("3", "the body is not a JSON object"));
        }
        return switch (path) {
            case "/keypay/create" -> create(f, request);
            case "/keypay/detail" -> detail(f);
            default -> SimResponse.json(404, answer("3", "no such Keypay endpoint"));
        };
    }

    private SimResponse create(Map<String, String> f, SimRequest request) {
        String clientId = f.getOrDefault("client_id", "");
        String[] keys = clients.get(clientId);
        if (keys == null) {
            return SimResponse.json(200, answer("1", "unknown client_id"));
        }
        String id = f.getOrDefault("transaction_id", "");
        String amount = f.getOrDefault("trans_amount", "");
        String fee = f.getOrDefault("addition_fee", "0");
        if (id.isEmpty() || id.length() > 20 || !amount.matches("[1-9][0-9]{0,15}") || !fee.matches("[0-9]{1,16}")) {
            return SimResponse.json(200, answer("3", "transaction_id (1 to 20) and a whole trans_amount are required"));
        }
        String signed = paymentSigned(fee, clientId, f.getOrDefault("command", ""), amount, id,
                f.getOrDefault("version", ""));
        if (!sameHex(hmac(keys[0], signed), f.get("check_sum"))) {
            return SimResponse.json(200, answer("2", "check_sum does not match HMAC-SHA256(hash_key_1, " + signed
                    + ")"));
        }
        KeypayTransaction fresh = new KeypayTransaction(clientId, id, "KPS" + codes.incrementAndGet(), amount, fee,
                f, "PENDING");
        KeypayTransaction existing = transactions.putIfAbsent(id, fresh);
        if (existing != null && !(existing.amount().equals(amount) && existing.clientId().equals(clientId))) {
            return SimResponse.json(200, answer("4", "transaction_id " + id + " was used with another amount"));
        }
        Map<String, Object> body = answer("0", "success");
        String host = request.header("Host").orElse("127.0.0.1");
        body.put("payment_url", "http://" + host + "/keypay/page/" + id);
        return SimResponse.json(200, body);
    }

    private SimResponse detail(Map<String, String> f) {
        String clientId = f.getOrDefault("client_id", "");
        String[] keys = clients.get(clientId);
        if (keys == null) {
            return SimResponse.json(200, answer("1", "unknown client_id"));
        }
        String id = f.getOrDefault("transaction_id", "");
        String signed = String.join("|", clientId, f.getOrDefault("command", ""), id);
        if (!sameHex(hmac(keys[0], signed), f.get("check_sum"))) {
            return SimResponse.json(200, answer("2", "check_sum does not match HMAC-SHA256(hash_key_1, " + signed
                    + ")"));
        }
        KeypayTransaction t = transactions.get(id);
        if (t == null || !t.clientId().equals(clientId)) {
            return SimResponse.json(200, answer("5", "no transaction " + id));
        }
        Map<String, Object> body = answer("0", "success");
        body.put("client_id", clientId);
        body.put("transaction_id", id);
        body.put("transaction_code", t.transactionCode());
        body.put("trans_amount", Long.parseLong(t.amount()));
        body.put("status", t.statusCode());
        return SimResponse.json(200, body);
    }

    /**
     * Moves a pending transaction to its final state and sends its callback ({@code expire} sends none).
     *
     * @param id the transaction id
     * @param action {@code pay}, {@code fail} or {@code expire}
     * @return 200 with the new state, 404 unknown, 409 already final, 400 unknown action
     */
    public SimResponse finish(String id, String action) {
        String state = switch (action) {
            case "pay" -> "PAID";
            case "fail" -> "FAILED";
            case "expire" -> "EXPIRED";
            default -> null;
        };
        if (state == null) {
            return SimResponse.json(400, answer("3", "the action is pay, fail, cancel or expire"));
        }
        KeypayTransaction t = transactions.get(id);
        if (t == null) {
            return SimResponse.json(404, answer("5", "no transaction " + id));
        }
        KeypayTransaction updated = t.withState(state);
        if (!"PENDING".equals(t.state()) || !transactions.replace(id, t, updated)) {
            return SimResponse.json(409, answer("3", "transaction " + id + " is already " + transactions.get(id).state()));
        }
        if (!"EXPIRED".equals(state)) {
            callback(updated).ifPresent(c -> dispatcher.deliver(List.of(c)));
        }
        Map<String, Object> body = answer("0", "success");
        body.put("state", state);
        return SimResponse.json(200, body);
    }

    /**
     * The signed callback of a transaction, as the simulator sends it.
     *
     * @param t the transaction
     * @return the callback, or empty when there is no URL to send it to
     */
    public Optional<CallbackDispatcher.Callback> callback(KeypayTransaction t) {
        URI url = callbackUrls.get(t.clientId());
        if (url == null) {
            String ret = t.request().getOrDefault("return_url", "");
            if (ret.isEmpty()) {
                return Optional.empty();
            }
            url = URI.create(ret);
        }
        return Optional.of(new CallbackDispatcher.Callback(SYSTEM, t.transactionId(), url,
                "application/json; charset=utf-8", JsonCodec.write(callbackBody(t))));
    }

    /**
     * The callback body in DOMAIN's field order, signed with the client's hash_key_2.
     *
     * @param t the transaction
     * @return the body
     */
    public Map<String, Object> callbackBody(KeypayTransaction t) {
        Map<String, String> r = t.request();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("client_id", t.clientId());
        b.put("transaction_id", t.transactionId());
        b.put("transaction_code", t.transactionCode());
        b.put("trans_amount", Long.parseLong(t.amount()));
        b.put("payment_fee", 0);
        b.put("command", r.getOrDefault("command", ""));
        b.put("addition_fee", Long.parseLong(t.fee()));
        b.put("version", r.getOrDefault("version", ""));
        b.put("description", r.getOrDefault("description", ""));
        b.put("locale", r.getOrDefault("locale", ""));
        b.put("country_code", r.getOrDefault("country_code", ""));
        b.put("currency_code", r.getOrDefault("currency_code", ""));
        b.put("environment", r.getOrDefault("environment", ""));
        b.put("status", t.statusCode());
        String signed = paymentSigned(t.fee(), t.clientId(), r.getOrDefault("command", ""), t.amount(),
                t.transactionId(), r.getOrDefault("version", ""));
        b.put("check_sum", hmac(clients.get(t.clientId())[1], signed));
        return b;
    }

    private static Map<String, Object> answer(String error, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("msg", msg);
        return body;
    }

    private static Map<String, String> fields(byte[] body) {
        Optional<JsonNode> node = JsonCodec.tryParse(body);
        if (node.isEmpty() || !node.get().isObject()) {
            return null;
        }
        Map<String, String> f = new LinkedHashMap<>();
        node.get().properties().forEach(e -> f.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return f;
    }

    /**
     * The {@code check_sum} of a callback: HMAC-SHA256 with hash_key_2 over
     * {@code addition_fee|client_id|command|trans_amount|transaction_id|version}, lowercase hex, over UTF-8.
     *
     * @param fields the callback's fields (missing ones sign as empty text)
     * @param hashKey2 hash_key_2
     * @return the checksum
     */
    public static String callbackChecksum(Map<String, String> fields, String hashKey2) {
        return hmac(hashKey2, paymentSigned(fields.getOrDefault("addition_fee", ""),
                fields.getOrDefault("client_id", ""), fields.getOrDefault("command", ""),
                fields.getOrDefault("trans_amount", ""), fields.getOrDefault("transaction_id", ""),
                fields.getOrDefault("version", "")));
    }

    /** Keypay's signed string of a payment (create and callback): the six fields joined with {@code |}. */
    private static String paymentSigned(String fee, String clientId, String command, String amount, String txId,
            String version) {
        return String.join("|", fee, clientId, command, amount, txId, version);
    }

    /** HMAC-SHA256 written out here on purpose: the sandbox must not share the SDK's checksum code. */
    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] out = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(out.length * 2);
            for (byte x : out) {
                hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    private static boolean sameHex(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
