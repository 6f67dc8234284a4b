package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.signing.remote.Totp;
import vn.egov.sdk.testkit.TestPki;

/**
 * VNPT SmartCA's service provider API ("sp769") under {@code /smartca/}: {@code get_certificate}, v1 {@code sign} +
 * status (the simulated signer confirms, declines, lets expire or ignores a transaction after a delay), and the v2
 * "Tích hợp" {@code sign} (password + TOTP ±1 step → short-lived {@code sad}) and {@code confirm}. Every call checks
 * the service provider's {@code sp_id} / {@code sp_password}. A repeated request with the same {@code transaction_id}
 * returns the first answer (a different request under a used id: 409). Errors use the envelope
 * {@code {status_code, message, data: null}} with the same HTTP status, or HTTP 200 when
 * {@link #errorsWithHttp200(boolean)} is on. Thread-safe.
 */
public final class SmartCaSimulator implements Simulator {
    /** The prefix. */
    public static final String PREFIX = "/smartca/";

    private static final String API = "/smartca/sca/sp769/";
    private static final Pattern STATUS = Pattern.compile(
            "/smartca/sca/sp769/v1/signatures/sign/([A-Za-z0-9._~-]{1,128})/status");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FILES = 100;

    private final Clock baseClock;
    private final Supplier<TestPki> pki;
    private final String spId;
    private final String spPassword;
    private final Map<String, SmartCaUser> users = new ConcurrentHashMap<>();
    private final Map<String, SmartCaTransaction.Outcome> defaultOutcomes = new ConcurrentHashMap<>();
    private final Map<String, SmartCaTransaction.Outcome> outcomes = new ConcurrentHashMap<>();
    private final Duration defaultConfirmDelay;
    private final Duration transactionLifetime;
    private final Duration sadLifetime;
    private final SmartCaStore store = new SmartCaStore();
    private final SecureRandom random = new SecureRandom();
    private final byte[] sadKey = new byte[32];
    private volatile Duration confirmDelay;
    private volatile Duration shift = Duration.ZERO;
    private volatile boolean errorsWithHttp200;

    /**
     * @param clock the sandbox clock
     * @param pki the sandbox's test PKI (made on first use)
     * @param spId the service provider id accepted
     * @param spPassword its password
     * @param users the subscribers with what each does with a v1 transaction
     * @param confirmDelay how long the simulated signer takes
     * @param transactionLifetime when an ignored v1 transaction expires
     * @param sadLifetime how long a {@code sad} is accepted
     */
    public SmartCaSimulator(Clock clock, Supplier<TestPki> pki, String spId, String spPassword,
            Map<SmartCaUser, String> users, Duration confirmDelay, Duration transactionLifetime,
            Duration sadLifetime) {
        this.baseClock = clock;
        this.pki = pki;
        this.spId = spId;
        this.spPassword = spPassword;
        users.forEach((u, outcome) -> {
            this.users.put(u.userId(), u);
            defaultOutcomes.put(u.userId(), SmartCaTransaction.Outcome.valueOf(outcome));
        });
        this.outcomes.putAll(defaultOutcomes);
        this.defaultConfirmDelay = confirmDelay;
        this.confirmDelay = confirmDelay;
        this.transactionLifetime = transactionLifetime;
        this.sadLifetime = sadLifetime;
        random.nextBytes(sadKey);
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        store.clear();
        outcomes.clear();
        outcomes.putAll(defaultOutcomes);
        confirmDelay = defaultConfirmDelay;
        shift = Duration.ZERO;
        errorsWithHttp200 = false;
    }

    /** Adds or replaces a subscriber (kept across resets) with what it does with v1 transactions. */
    public void addUser(SmartCaUser user, String outcome) {
        users.put(user.userId(), user);
        defaultOutcomes.put(user.userId(), SmartCaTransaction.Outcome.valueOf(outcome));
        outcomes.put(user.userId(), SmartCaTransaction.Outcome.valueOf(outcome));
    }

    /** What a subscriber does with its next v1 transactions (CONFIRM, DECLINE, EXPIRE, IGNORE); until reset. */
    public void outcome(String userId, String outcome) {
        outcomes.put(userId, SmartCaTransaction.Outcome.valueOf(outcome));
    }

    /** How long the simulated signer takes with the next transactions; until reset. */
    public void confirmDelay(Duration value) {
        this.confirmDelay = value;
    }

    /** Moves the simulator's clock; until reset. */
    public void shiftClock(Duration value) {
        this.shift = value;
    }

    /** Answers errors with HTTP 200 and the status in {@code status_code} only; until reset. */
    public void errorsWithHttp200(boolean value) {
        this.errorsWithHttp200 = value;
    }

    /** Transactions created (v1 and v2) since start or reset. */
    public int transactions() {
        return store.size();
    }

    /** Hashes signed since start or reset. */
    public int signaturesMade() {
        return store.signaturesMade();
    }

    /** The subscribers' ids. */
    public List<String> userIds() {
        return List.copyOf(users.keySet());
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path();
        Matcher status = STATUS.matcher(path);
        if (status.matches() && (request.isMethod("GET") || request.isMethod("POST"))) {
            return status(request, status.group(1));
        }
        if (!request.isMethod("POST")) {
            return error(405, "method not allowed");
        }
        Optional<JsonNode> body = JsonCodec.tryParse(request.body()).filter(JsonNode::isObject);
        if (body.isEmpty()) {
            return error(400, "the body is not a JSON object");
        }
        JsonNode b = body.get();
        if (!spId.equals(text(b, "sp_id")) || !constantTimeEquals(spPassword, text(b, "sp_password"))) {
            return error(401, "invalid sp_id or sp_password");
        }
        if (!path.startsWith(API)) {
            return error(404, "no such SmartCA API: " + path);
        }
        return switch (path.substring(API.length() - 1)) {
            case "/v1/credentials/get_certificate" -> certificates(b);
            case "/v1/signatures/sign" -> sign(b, false);
            case "/v2/signatures/sign" -> sign(b, true);
            case "/v2/signatures/confirm" -> confirm(b);
            default -> error(404, "no such SmartCA API: " + path);
        };
    }

    private SimResponse certificates(JsonNode b) {
        Optional<SmartCaUser> user = user(b);
        if (user.isEmpty()) {
            return error(404, "user not found");
        }
        X509Certificate cert = pki.get().signer(user.get().kind()).certificate();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("service_type", "ESEAL");
        c.put("service_name", "SmartCA sandbox");
        c.put("cert_id", "cert-" + user.get().kind().name().toLowerCase(java.util.Locale.ROOT));
        c.put("cert_status", "Đang hoạt động");
        c.put("serial_number", cert.getSerialNumber().toString(16));
        c.put("cert_subject", cert.getSubjectX500Principal().getName());
        c.put("cert_valid_from", cert.getNotBefore().toInstant().toString());
        c.put("cert_valid_to", cert.getNotAfter().toInstant().toString());
        try {
            c.put("cert_data", Base64.getEncoder().encodeToString(cert.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return ok("SUCCESS", Map.of("user_certificates", List.of(c)));
    }

    private SimResponse sign(JsonNode b, boolean integrated) {
        Optional<SmartCaUser> user = user(b);
        if (user.isEmpty()) {
            return error(404, "user not found");
        }
        String clientId = text(b, "transaction_id");
        if (clientId.isEmpty() || clientId.length() > 64) {
            return error(400, "transaction_id is required");
        }
        X509Certificate cert = pki.get().signer(user.get().kind()).certificate();
        String serial = text(b, "serial_number");
        if (!serial.isEmpty() && !serialMatches(serial, cert)) {
            return error(404, "certificate not found");
        }
        List<Map.Entry<String, byte[]>> hashes = new ArrayList<>();
        JsonNode files = b.get("sign_files");
        if (files == null || !files.isArray() || files.isEmpty() || files.size() > MAX_FILES) {
            return error(400, "sign_files must hold 1.." + MAX_FILES + " files");
        }
        for (JsonNode f : files) {
            String hex = text(f, "data_to_be_signed");
            String docId = text(f, "doc_id");
            if (!HEX_SHA256.matcher(hex).matches() || docId.isEmpty() || !"hash".equals(text(f, "sign_type"))) {
                return error(400, "each file needs doc_id, sign_type hash and data_to_be_signed as 64 lowercase hex");
            }
            hashes.add(new AbstractMap.SimpleImmutableEntry<>(docId, HexFormat.of().parseHex(hex)));
        }
        Instant now = now();
        if (integrated) {
            if (!constantTimeEquals(user.get().password(), text(b, "password"))) {
                return error(400, "wrong password or OTP");
            }
            Totp totp = Totp.fromBase32(Secret.of(user.get().totpSecret()));
            if (!totp.matches(text(b, "otp"), now, 1)) {
                return error(400, "wrong password or OTP");
            }
        }
        String fingerprint = Sha256.hex(fingerprint(user.get().userId(), hashes, integrated));
        synchronized (store) {
            Optional<SmartCaTransaction> seen = store.byClientId(clientId);
            if (seen.isPresent()) {
                return seen.get().requestFingerprint.equals(fingerprint) ? signAnswer(seen.get())
                        : error(409, "transaction_id already used for another request");
            }
            SmartCaTransaction.Outcome outcome = outcomes.getOrDefault(user.get().userId(),
                    SmartCaTransaction.Outcome.CONFIRM);
            SmartCaTransaction tx = new SmartCaTransaction(UUID.randomUUID().toString(), clientId, fingerprint,
                    user.get(), hashes, now, now.plus(confirmDelay), now.plus(transactionLifetime), outcome,
                    String.format("%06d", random.nextInt(1_000_000)), integrated);
            if (integrated) {
                store.setSad(tx, newSad(tx, now), now.plus(sadLifetime));
            }
            store.add(tx);
            return signAnswer(tx);
        }
    }

    private SimResponse signAnswer(SmartCaTransaction tx) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", tx.id);
        data.put("tran_code", tx.tranCode);
        if (tx.integrated) {
            data.put("sad", tx.sad.orElseThrow());
            data.put("expired_in", Math.max(0, Duration.between(now(), tx.sadExpiresAt).toSeconds()));
        }
        return ok("SUCCESS", data);
    }

    private SimResponse status(SimRequest request, String id) {
        if (request.isMethod("POST")) {
            Optional<JsonNode> b = JsonCodec.tryParse(request.body()).filter(JsonNode::isObject);
            if (b.isEmpty() || !spId.equals(text(b.get(), "sp_id"))
                    || !constantTimeEquals(spPassword, text(b.get(), "sp_password"))) {
                return error(401, "invalid sp_id or sp_password");
            }
        }
        Optional<SmartCaTransaction> found = store.byId(id);
        if (found.isEmpty() || found.get().integrated) {
            return error(404, "transaction not found");
        }
        SmartCaTransaction tx = found.get();
        Instant now = now();
        String word;
        if (now.isBefore(tx.dueAt)) {
            word = now.isBefore(tx.expiresAt) ? "PENDING" : "EXPIRED";
        } else {
            word = switch (tx.outcome) {
                case CONFIRM -> "SUCCESS";
                case DECLINE -> "REJECTED";
                case EXPIRE -> "EXPIRED";
                case IGNORE -> now.isBefore(tx.expiresAt) ? "PENDING" : "EXPIRED";
            };
        }
        return ok(word, transactionData(tx, "SUCCESS".equals(word)));
    }

    private SimResponse confirm(JsonNode b) {
        Optional<SmartCaUser> user = user(b);
        if (user.isEmpty()) {
            return error(404, "user not found");
        }
        Optional<SmartCaTransaction> found = store.byId(text(b, "transaction_id"));
        if (found.isEmpty() || !found.get().integrated || !found.get().user.equals(user.get())) {
            return error(404, "transaction not found");
        }
        SmartCaTransaction tx = found.get();
        if (!constantTimeEquals(user.get().password(), text(b, "password"))
                || !constantTimeEquals(tx.sad.orElse(""), text(b, "sad"))) {
            return error(400, "invalid sad or password");
        }
        if (!now().isBefore(tx.sadExpiresAt)) {
            return error(400, "sad expired; sign again");
        }
        return ok("SUCCESS", transactionData(tx, true));
    }

    private Map<String, Object> transactionData(SmartCaTransaction tx, boolean signed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", tx.id);
        List<Map<String, String>> sigs = new ArrayList<>();
        if (signed) {
            for (Map.Entry<String, String> s : store.signOnce(tx, u -> pki.get().signer(u.kind()).privateKey())) {
                sigs.add(Map.of("doc_id", s.getKey(), "signature_value", s.getValue()));
            }
        }
        data.put("signatures", sigs);
        return data;
    }

    private String newSad(SmartCaTransaction tx, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"tid\":\"" + tx.id + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(sadLifetime).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(sadKey, "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<SmartCaUser> user(JsonNode b) {
        return Optional.ofNullable(users.get(text(b, "user_id")));
    }

    private Instant now() {
        return baseClock.instant().plus(shift);
    }

    private static boolean serialMatches(String serial, X509Certificate cert) {
        try {
            return new java.math.BigInteger(serial, 16).equals(cert.getSerialNumber());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] fingerprint(String userId, List<Map.Entry<String, byte[]>> hashes, boolean integrated) {
        StringBuilder sb = new StringBuilder(userId).append(integrated ? "|v2" : "|v1");
        hashes.forEach(h -> sb.append('|').append(h.getKey()).append('=').append(HexFormat.of().formatHex(h.getValue())));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isValueNode() ? n.asText() : "";
    }

    private static boolean constantTimeEquals(String expected, String candidate) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static SimResponse ok(String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status_code", 200);
        body.put("message", message);
        body.put("data", data);
        return SimResponse.json(200, body);
    }

    private SimResponse error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status_code", status);
        body.put("message", message);
        body.put("data", null);
        return SimResponse.json(errorsWithHttp200 ? 200 : status, body);
    }
}
