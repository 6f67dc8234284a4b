package vn.egov.sdk.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;

/**
 * The national document axis (VDXP) under {@code /vdxp/}: the VNPT "VXP" SDK 2.0.x protocol,
 * every request checked by {@link VdxpAuth}. Refusals are HTTP 200 with {@code status FAIL} and the codes of
 * {@link ErrorCodes}; an unexpected failure is HTTP 500 with {@link ErrorCodes#INTERNAL_ERROR}.
 *
 * <p>{@code getSentEdocList} entries carry one extra member, {@code hashFile}, which the real axis is not known to
 * send: the SDK uses it to find out whether a send with an unknown outcome was accepted. Times are wall time in
 * {@code Asia/Ho_Chi_Minh}, {@code yyyy-MM-dd HH:mm:ss} [INFERRED].
 */
public final class VdxpSimulator implements Simulator {

    /** The path prefix. */
    public static final String PREFIX = "/vdxp/";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final System.Logger LOG = System.getLogger(VdxpSimulator.class.getName());
    private static final Set<String> ACKS = Set.of("processing", "done", "fail");

    private final VdxpSystems systems;
    private final VdxpStore store = new VdxpStore();
    private final Clock clock;
    private final AtomicReference<Duration> clockShift = new AtomicReference<>(Duration.ZERO);
    private final VdxpAuth auth;
    private final VdxpSendHandler sender;
    private final String axisOrganId;

    /**
     * @param systems the connected systems
     * @param clock the sandbox clock
     * @param window the timestamp window, either way
     * @param axisOrganId the organ id of the axis' own trace hop
     */
    public VdxpSimulator(VdxpSystems systems, Clock clock, Duration window, String axisOrganId) {
        this.systems = Objects.requireNonNull(systems, "systems");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.axisOrganId = Objects.requireNonNull(axisOrganId, "axisOrganId");
        this.auth = new VdxpAuth(systems, this::now, window);
        this.sender = new VdxpSendHandler(systems, store, this::now, axisOrganId);
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        try {
            return serve(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sandbox axis failed on " + request, e);
            return VdxpReplies.fail(500, ErrorCodes.INTERNAL_ERROR, "internal error of the sandbox axis");
        }
    }

    private SimResponse serve(SimRequest request) {
        VdxpAuth.Result checked = auth.check(request);
        if (checked.refusal().isPresent()) {
            return checked.refusal().get();
        }
        VdxpSystems.VdxpSystem caller = checked.system().orElseThrow();
        String op = request.path().substring(PREFIX.length());
        boolean get = request.isMethod("GET");
        return switch (op) {
            case "sendEdoc" -> get ? wrongMethod() : sender.handle(request, caller);
            case "getReceivedEdocList" -> received(request, caller);
            case "getEdoc" -> getEdoc(request, caller);
            case "updateStatus" -> updateStatus(request, caller);
            case "getSentEdocList" -> sent(request, caller);
            case "countReceiveEdoc" -> count(caller, "edoc");
            case "countReceiveStatus" -> count(caller, "status");
            case "getAgenciesList" -> VdxpReplies.ok(Map.of("data", VdxpAgencies.qcvn102()));
            case "getAgenciesListQD20" -> VdxpReplies.ok(Map.of("data", VdxpAgencies.qd20()));
            default -> VdxpReplies.fail(404, ErrorCodes.BAD_REQUEST, "no axis operation " + op);
        };
    }

    @Override
    public void reset() {
        store.reset();
        clockShift.set(Duration.ZERO);
    }

    /** The state, for the sandbox's inspection handle. */
    public VdxpStore store() {
        return store;
    }

    /** The systems. */
    public VdxpSystems systems() {
        return systems;
    }

    /** The organ id of the axis' trace hop. */
    public String axisOrganId() {
        return axisOrganId;
    }

    /** Moves the axis' clock away from the sandbox clock (to test the timestamp window). */
    public void shiftClock(Duration shift) {
        clockShift.set(Objects.requireNonNull(shift, "shift"));
    }

    Instant now() {
        return clock.instant().plus(clockShift.get());
    }

    private SimResponse received(SimRequest request, VdxpSystems.VdxpSystem caller) {
        String type = request.header(VdxpHeaderBundle.PREFIX + "messagetype").orElse("edoc");
        List<Map<String, Object>> data = new ArrayList<>();
        for (VdxpStore.Delivery d : store.waiting(caller.id(), type)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("docId", d.sent().docId());
            m.put("serviceType", "eDoc");
            m.put("messageType", d.sent().messageType());
            m.put("created_time", wall(d.sent().sentTime()));
            m.put("updated_time", wall(d.sent().sentTime()));
            m.put("from", d.sent().from());
            m.put("to", d.to());
            m.put("status", d.status());
            m.put("status_desc", describe(d.status()));
            data.add(m);
        }
        return VdxpReplies.ok(Map.of("data", data));
    }

    private SimResponse getEdoc(SimRequest request, VdxpSystems.VdxpSystem caller) {
        Optional<String> docId = docId(request);
        if (docId.isEmpty()) {
            return VdxpReplies.fail(ErrorCodes.BAD_REQUEST, "docId is required");
        }
        return store.fetch(caller.id(), docId.get(), now())
                .map(d -> VdxpReplies.ok(Map.of("data", Base64.getEncoder().encodeToString(d.sent().stored()))))
                .orElseGet(() -> VdxpReplies.fail(ErrorCodes.DOC_NOT_FOUND, "no package " + docId.get()
                        + " for system " + caller.id()));
    }

    private SimResponse updateStatus(SimRequest request, VdxpSystems.VdxpSystem caller) {
        Optional<String> docId = docId(request);
        String status = request.header(VdxpHeaderBundle.PREFIX + "status").orElse("");
        if (docId.isEmpty() || !ACKS.contains(status)) {
            return VdxpReplies.fail(ErrorCodes.BAD_REQUEST, "docId and status=processing|done|fail are required");
        }
        return store.updateStatus(caller.id(), docId.get(), status) ? VdxpReplies.ok(Map.of())
                : VdxpReplies.fail(ErrorCodes.DOC_NOT_FOUND, "no package " + docId.get() + " for " + caller.id());
    }

    private SimResponse sent(SimRequest request, VdxpSystems.VdxpSystem caller) {
        String type = request.header(VdxpHeaderBundle.PREFIX + "messagetype").orElse("");
        List<Map<String, Object>> data = new ArrayList<>();
        for (VdxpStore.Delivery d : store.sentBy(caller.id(), type, docId(request).orElse(""))) {
            VdxpStore.Sent s = d.sent();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serviceType", "eDoc");
            m.put("messageType", s.messageType());
            m.put("senderDocId", s.docId());
            m.put("receiverDocId", s.docId());
            m.put("fromCode", s.from());
            m.put("toCode", d.to());
            m.put("title", s.title());
            m.put("notation", s.notation());
            m.put("sentTime", wall(s.sentTime()));
            m.put("receivedTime", d.receivedTime().map(this::wall).orElse(""));
            m.put("sendStatus", "sent");
            m.put("sendStatusDesc", "Đã gửi");
            m.put("receiveStatus", d.status());
            m.put("receiveStatusDesc", describe(d.status()));
            m.put("hashFile", s.hashFile());
            data.add(m);
        }
        return VdxpReplies.ok(Map.of("data", data));
    }

    private SimResponse count(VdxpSystems.VdxpSystem caller, String type) {
        return VdxpReplies.ok(Map.of("count", store.waiting(caller.id(), type).size()));
    }

    private static Optional<String> docId(SimRequest request) {
        return request.header(VdxpHeaderBundle.PREFIX + "docId")
                .or(() -> request.header(VdxpHeaderBundle.PREFIX + "docid"))
                .filter(s -> !s.isBlank());
    }

    private String wall(Instant at) {
        return TIME.format(LocalDateTime.ofInstant(at, VdxpHeaderBundle.ZONE));
    }

    private static String describe(String status) {
        return switch (status) {
            case "processing" -> "Đang xử lý";
            case "done" -> "Đã nhận";
            case "fail" -> "Lỗi xử lý";
            default -> "Chờ nhận";
        };
    }

    private static SimResponse wrongMethod() {
        return VdxpReplies.fail(405, ErrorCodes.BAD_REQUEST, "use POST").withHeader("Allow", "POST");
    }
}
