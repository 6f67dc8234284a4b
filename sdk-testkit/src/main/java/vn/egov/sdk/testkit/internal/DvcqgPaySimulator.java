package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DVCQG payment platform under {@code /dvcqg-pay/}: {@code POST init}, {@code query} and {@code get-bill} with
 * their {@code MaXacThuc} checked (each in its own field order, computed here with its own few lines, not the SDK's),
 * the payment page {@code GET/POST page/{id}} and the test API {@code POST _test/{reference}/pay|fail|expire}
 * (answered by {@code DvcqgPayPayer}), and signed result callbacks to each merchant's registered URL through the
 * {@link CallbackDispatcher}. An INIT repeated with the same {@code MaThamChieu}, {@code ThoiGianGD} and checksum
 * answers the same transaction. Thread-safe.
 */
public final class DvcqgPaySimulator implements Simulator {
    /** The prefix. */
    public static final String PREFIX = "/dvcqg-pay/";
    /** The system name on this simulator's callbacks, which picks their delivery plan. */
    public static final String SYSTEM = "dvcqg-pay";
    /** The {@code LoaiBanTin} of a result callback. */
    public static final String CALLBACK_TYPE = "CONFIRM";

    private static final Pattern PAGE = Pattern.compile("/dvcqg-pay/page/([0-9a-f-]{36})");
    private static final Pattern TEST = Pattern.compile("/dvcqg-pay/_test/([^/]{1,255})/(pay|fail|expire)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TIME = Pattern.compile("[0-9]{14}");
    private static final List<String> INIT = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "SoTien",
            "LoaiHinhThanhToan", "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang",
            "ThongTinGiaoDich", "ThoiGianGD", "Ip");
    /** The fields of a callback's {@code MaXacThuc}, in order. */
    public static final List<String> CALLBACK_ORDER = List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu",
            "SoTien", "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich");
    private static final List<String> LOOKUP = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu",
            "ThoiGianGD");
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Clock clock;
    private final CallbackDispatcher dispatcher;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, URI> callbackUrls = new ConcurrentHashMap<>();
    private final Map<String, DvcqgPayTransaction> byReference = new ConcurrentHashMap<>();
    private final Map<String, DvcqgPayTransaction> byId = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicLong gatewayIds = new AtomicLong(100_000);
    private volatile boolean proxyEnvelope;

    /**
     * @param clock the sandbox clock
     * @param dispatcher sends callbacks
     */
    public DvcqgPaySimulator(Clock clock, CallbackDispatcher dispatcher) {
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Registers a merchant.
     *
     * @param code {@code MaDoiTac}
     * @param secret its checksum secret
     */
    public void addMerchant(String code, String secret) {
        secrets.put(code, secret);
    }

    /**
     * Sets where a merchant's callbacks go.
     *
     * @param merchant {@code MaDoiTac}
     * @param url the vendor's callback URL
     */
    public void callbackUrl(String merchant, URI url) {
        callbackUrls.put(merchant, url);
    }

    /**
     * The registered callback URL of a merchant.
     *
     * @param merchant {@code MaDoiTac}
     * @return the URL, if registered
     */
    public Optional<URI> callbackUrl(String merchant) {
        return Optional.ofNullable(callbackUrls.get(merchant));
    }

    /**
     * Answers INIT in a provincial proxy's envelope {@code {error_code, message: "<json>"}} instead of directly.
     *
     * @param on whether to
     */
    public void proxyEnvelope(boolean on) {
        proxyEnvelope = on;
    }

    /**
     * The dispatcher of callbacks.
     *
     * @return the dispatcher
     */
    public CallbackDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * A transaction by reference.
     *
     * @param reference {@code MaThamChieu}
     * @return the transaction, if any
     */
    public Optional<DvcqgPayTransaction> transaction(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /** A transaction by the id in its payment page's URL. */
    Optional<DvcqgPayTransaction> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Every transaction, oldest first.
     *
     * @return a copy
     */
    public List<DvcqgPayTransaction> transactions() {
        List<DvcqgPayTransaction> all = new ArrayList<>(byReference.values());
        all.sort(java.util.Comparator.comparing(DvcqgPayTransaction::createdAt));
        return all;
    }

    /**
     * How many transactions INIT created since the last reset.
     *
     * @return the count
     */
    public int transactionsCreated() {
        return created.get();
    }

    /**
     * Moves a pending transaction to its end and sends the callback (none for an expiry).
     *
     * @param reference {@code MaThamChieu}
     * @param to the final state
     * @param bank the bank chosen
     * @return whether it moved; empty when unknown
     */
    public Optional<Boolean> finish(String reference, DvcqgPayTransaction.State to, String bank) {
        DvcqgPayTransaction tx = byReference.get(reference);
        if (tx == null) {
            return Optional.empty();
        }
        String code = switch (to) {
            case PAID -> "00";
            case FAILED -> "99";
            case EXPIRED -> "11";
            default -> throw new IllegalArgumentException("not a final state: " + to);
        };
        String id = to == DvcqgPayTransaction.State.EXPIRED ? "" : Long.toString(gatewayIds.incrementAndGet());
        boolean moved = tx.finish(to, code, bank, id, WIRE_TIME.format(clock.instant()));
        if (moved && to != DvcqgPayTransaction.State.EXPIRED) {
            URI url = callbackUrls.get(tx.merchant());
            if (url != null) {
                dispatcher.deliver(List.of(new CallbackDispatcher.Callback(SYSTEM, reference, url,
                        "application/json; charset=utf-8", JsonCodec.write(resultFields(tx, false)))));
            }
        }
        return Optional.of(moved);
    }

    /**
     * The signed result fields of a final transaction, in the callback's order.
     *
     * @param tx the transaction
     * @param withStatus whether to add {@code TrangThaiGD} (a QUERY answer)
     * @return the fields, {@code SoTien} a number
     */
    public Map<String, Object> resultFields(DvcqgPayTransaction tx, boolean withStatus) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", CALLBACK_TYPE);
        f.put("MaLoi", tx.state() == DvcqgPayTransaction.State.PENDING ? "00" : tx.resultCode());
        f.put("MaDoiTac", tx.merchant());
        f.put("MaThamChieu", tx.reference());
        f.put("SoTien", tx.amount());
        f.put("MaTienTe", "VND");
        f.put("MaGiaoDich", tx.gatewayId());
        f.put("MaNganHang", tx.bank());
        f.put("ThoiGianGD", tx.resultTime().isEmpty() ? tx.requestTime() : tx.resultTime());
        f.put("ThongTinGiaoDich", tx.description());
        List<String> signed = new ArrayList<>();
        f.values().forEach(v -> signed.add(String.valueOf(v)));
        f.put("MaXacThuc", checksum(signed, secrets.getOrDefault(tx.merchant(), "")));
        if (withStatus) {
            f.put("TrangThaiGD", switch (tx.state()) {
                case PAID -> "1";
                case PENDING -> "3";
                default -> "4";
            });
        }
        return f;
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path();
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            return DvcqgPayPayer.page(this, request, page.group(1));
        }
        Matcher test = TEST.matcher(path);
        if (test.matches() && request.isMethod("POST")) {
            return DvcqgPayPayer.testAction(this, test.group(1), test.group(2));
        }
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "method_not_allowed", "use POST").withHeader("Allow", "POST");
        }
        return switch (path) {
            case "/dvcqg-pay/init" -> init(request);
            case "/dvcqg-pay/query" -> lookup(request, false);
            case "/dvcqg-pay/get-bill" -> lookup(request, true);
            default -> SimResponse.error(404, "not_found", "no DVCQG payment endpoint at " + path);
        };
    }

    @Override
    public void reset() {
        byReference.clear();
        byId.clear();
        created.set(0);
        proxyEnvelope = false;
    }

    private SimResponse init(SimRequest request) {
        Map<String, String> f = new LinkedHashMap<>();
        Optional<SimResponse> refused = read(request, INIT, f);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!DIGITS.matcher(f.get("SoTien")).matches() || Long.parseLong(f.get("SoTien")) <= 0) {
            return refusal("03", "SoTien phải là số nguyên dương (chuỗi)");
        }
        JsonNode amountNode = JsonCodec.tryParse(request.body()).map(n -> n.get("SoTien")).orElse(null);
        if (amountNode == null || !amountNode.isTextual()) {
            return refusal("03", "SoTien phải gửi dạng chuỗi");
        }
        String reference = f.get("MaThamChieu");
        DvcqgPayTransaction fresh = new DvcqgPayTransaction(UUID.randomUUID().toString(), f.get("MaDoiTac"),
                reference, Long.parseLong(f.get("SoTien")), f.get("ThoiGianGD"), f.get("ThongTinGiaoDich"),
                f.get("MaXacThuc"), clock.instant());
        DvcqgPayTransaction tx = byReference.computeIfAbsent(reference, r -> {
            byId.put(fresh.id(), fresh);
            created.incrementAndGet();
            return fresh;
        });
        if (tx != fresh && !tx.requestChecksum().equalsIgnoreCase(f.get("MaXacThuc"))) {
            return refusal("04", "MaThamChieu đã tồn tại với nội dung khác");
        }
        String url = "http://" + request.header("Host").orElse("127.0.0.1") + "/dvcqg-pay/page/" + tx.id();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("MaLoi", "00");
        ok.put("MoTaLoi", "Thành công");
        ok.put("MaThamChieu", reference);
        ok.put("UrlThanhToan", url);
        if (proxyEnvelope) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("error_code", "0");
            wrapped.put("message", new String(JsonCodec.write(ok), StandardCharsets.UTF_8));
            return SimResponse.json(200, wrapped);
        }
        return SimResponse.json(200, ok);
    }

    private SimResponse lookup(SimRequest request, boolean bill) {
        Map<String, String> f = new LinkedHashMap<>();
        Optional<SimResponse> refused = read(request, LOOKUP, f);
        if (refused.isPresent()) {
            return refused.get();
        }
        DvcqgPayTransaction tx = byReference.get(f.get("MaThamChieu"));
        if (tx == null || !tx.merchant().equals(f.get("MaDoiTac"))) {
            return refusal("05", "Không tìm thấy giao dịch");
        }
        if (!tx.requestTime().equals(f.get("ThoiGianGD"))) {
            return refusal("05", "ThoiGianGD không khớp giao dịch gốc");
        }
        if (!bill) {
            return SimResponse.json(200, resultFields(tx, true));
        }
        if (tx.state() != DvcqgPayTransaction.State.PAID) {
            return refusal("06", "Giao dịch chưa thanh toán");
        }
        return new SimResponse(200, Map.of("Content-Type", "application/pdf"), DvcqgPayPages.receipt(tx));
    }

    private Optional<SimResponse> read(SimRequest request, List<String> order, Map<String, String> out) {
        Optional<JsonNode> body = JsonCodec.tryParse(request.body());
        if (body.isEmpty() || !body.get().isObject()) {
            return Optional.of(refusal("03", "Bản tin không phải JSON"));
        }
        for (String name : order) {
            JsonNode v = body.get().get(name);
            if (v == null || !v.isValueNode() || v.asText().isEmpty()) {
                if (!"ThongTinGiaoDich".equals(name) && !"Ip".equals(name)) {
                    return Optional.of(refusal("03", "Thiếu trường " + name));
                }
            }
            out.put(name, v == null || !v.isValueNode() ? "" : v.asText());
        }
        if (!TIME.matcher(out.get("ThoiGianGD")).matches()) {
            return Optional.of(refusal("03", "ThoiGianGD phải là yyyyMMddHHmmss"));
        }
        String secret = secrets.get(out.get("MaDoiTac"));
        if (secret == null) {
            return Optional.of(refusal("02", "MaDoiTac không tồn tại"));
        }
        String received = body.get().path("MaXacThuc").asText("");
        if (!checksum(new ArrayList<>(out.values()), secret).equalsIgnoreCase(received)) {
            return Optional.of(refusal("01", "Sai mã xác thực"));
        }
        out.put("MaXacThuc", received);
        return Optional.empty();
    }

    private static SimResponse refusal(String code, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaLoi", code);
        body.put("MoTaLoi", text);
        return SimResponse.json(200, body);
    }

    /**
     * A callback's {@code MaXacThuc} over its fields in the callback's order (missing ones as empty text).
     *
     * @param fields the callback's fields, wire names
     * @param secret the merchant's secret
     * @return the checksum
     */
    public static String callbackChecksum(Map<String, String> fields, String secret) {
        List<String> values = new ArrayList<>();
        CALLBACK_ORDER.forEach(name -> values.add(fields.getOrDefault(name, "")));
        return checksum(values, secret);
    }

    /** The sandbox's own checksum: SHA-256 hex of the values joined with {@code |}, then {@code |secret}. */
    private static String checksum(List<String> values, String secret) {
        return Sha256.hex((String.join("|", values) + "|" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
