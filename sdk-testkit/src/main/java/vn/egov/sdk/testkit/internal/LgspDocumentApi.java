package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * The LGSP v1 document calls, for an authenticated system: {@code POST sendEdoc} (multipart {@code edocFile} +
 * {@code messageType}; the file is parsed with {@code EdXml.read}: unparseable → code 22; sender organ not served
 * by the system → 19; a recipient no system serves → 18; an identical re-upload by the same system → the first
 * docId with {@code duplicate:true} [INFERRED]), {@code GET syncReceivedEdocList} (the system's organs, not yet
 * {@code done}, created within {@code fromDate..toDate}), {@code GET getEdoc} ({@code data.edxml} in Base64, or
 * as text), {@code POST updateStatus} and {@code GET getAgenciesList}.
 */
public final class LgspDocumentApi {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final Clock clock;
    private final List<LgspSystem> systems;
    private final LgspDocuments docs;
    private volatile boolean edxmlAsText;

    /**
     * @param clock the sandbox clock
     * @param systems every registered system
     * @param docs the store
     */
    public LgspDocumentApi(Clock clock, List<LgspSystem> systems, LgspDocuments docs) {
        this.clock = clock;
        this.systems = List.copyOf(systems);
        this.docs = docs;
    }

    /** The LGSP refusal: HTTP 200, {@code {success:false, message, data:{docId, status, errorCode, errorDesc}}}. */
    public static SimResponse refusal(String code, String description) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("docId", null);
        data.put("status", "error");
        data.put("errorCode", code);
        data.put("errorDesc", description);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", description);
        body.put("data", data);
        return SimResponse.json(200, body);
    }

    /** Answers one document call of an authenticated system. */
    public SimResponse handle(SimRequest request, LgspSystem system) {
        String path = request.path().substring(LgspSimulator.PREFIX.length() - 1);
        return switch (path) {
            case "/v1/sendEdoc" -> request.isMethod("POST") ? send(request, system) : notAllowed("POST");
            case "/v1/syncReceivedEdocList" -> request.isMethod("GET") ? list(request, system) : notAllowed("GET");
            case "/v1/getEdoc" -> request.isMethod("GET") ? get(request, system) : notAllowed("GET");
            case "/v1/updateStatus" -> request.isMethod("POST") ? update(request, system) : notAllowed("POST");
            case "/v1/getAgenciesList" -> request.isMethod("GET") ? agencies() : notAllowed("GET");
            default -> SimResponse.error(404, "not_found", "no LGSP v1 endpoint at " + request.path());
        };
    }

    /** Forgets the stored packages and sets {@code getEdoc} back to Base64. */
    public void reset() {
        docs.clear();
        edxmlAsText = false;
    }

    /** The stored packages, oldest first. */
    public List<LgspDocuments.Doc> documents() {
        return docs.all();
    }

    /** How many uploads are stored. */
    public int documentsStored() {
        return docs.count();
    }

    /** Whether {@code getEdoc} answers XML text instead of Base64. */
    public void edxmlAsText(boolean value) {
        this.edxmlAsText = value;
    }

    private SimResponse send(SimRequest request, LgspSystem system) {
        Map<String, SimRequest.Part> parts = request.parts();
        SimRequest.Part file = parts.get("edocFile");
        if (file == null || file.content().length == 0) {
            return refusal("10", "Thiếu tệp edocFile");
        }
        byte[] bytes = file.content();
        Parsed parsed;
        try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(bytes))) {
            parsed = Parsed.of(pkg);
        } catch (RuntimeException e) {
            return refusal("22", "Gói tin edXML không đúng cấu trúc");
        }
        if (!system.serves(parsed.from().organId().value())) {
            return refusal("19", "Đơn vị gửi chưa được đăng ký: " + parsed.from().organId().value());
        }
        for (String to : parsed.to()) {
            if (systems.stream().noneMatch(s -> s.serves(to))) {
                return refusal("18", "Không tìm thấy đơn vị nhận: " + to);
            }
        }
        String type = parts.containsKey("messageType") ? parts.get("messageType").text().trim() : parsed.type();
        Map.Entry<LgspDocuments.Doc, Boolean> stored = docs.store(system.systemId(), Sha256.hex(bytes), type,
                parsed.from().organId().value(), parsed.from().organName(), parsed.code(), parsed.title(),
                parsed.to(), bytes, clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", "OK");
        body.put("docId", stored.getKey().docId());
        if (stored.getValue()) {
            body.put("duplicate", true);
        }
        return SimResponse.json(200, body);
    }

    private SimResponse list(SimRequest request, LgspSystem system) {
        String type = request.queryParameter("messageType").orElse("edoc");
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(request.queryParameter("fromDate").orElse("1970/01/01"), DATE);
            to = LocalDate.parse(request.queryParameter("toDate").orElse("9999/12/31"), DATE);
        } catch (DateTimeParseException e) {
            return SimResponse.error(400, "invalid_request", "fromDate and toDate are yyyy/MM/dd");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (LgspDocuments.Doc doc : docs.all()) {
            LocalDate created = doc.created().atZone(ZONE).toLocalDate();
            if (!doc.messageType().equals(type) || created.isBefore(from) || created.isAfter(to)) {
                continue;
            }
            doc.statuses().forEach((organ, status) -> {
                if (system.serves(organ) && !"done".equals(status)) {
                    items.add(item(doc, organ, status));
                }
            });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("count", items.size());
        body.put("data", items);
        return SimResponse.json(200, body);
    }

    private static Map<String, Object> item(LgspDocuments.Doc doc, String organ, String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("docId", doc.docId());
        item.put("from", doc.from());
        item.put("to", organ);
        item.put("status", status);
        item.put("statusDesc", "initial".equals(status) ? "Chưa nhận" : status);
        item.put("createdTime", DATE_TIME.format(doc.created().atZone(ZONE)));
        item.put("updatedTime", DATE_TIME.format(doc.updated().atZone(ZONE)));
        item.put("serviceType", "eDoc");
        item.put("messageType", doc.messageType());
        return item;
    }

    private SimResponse get(SimRequest request, LgspSystem system) {
        Optional<LgspDocuments.Doc> found = addressedTo(request.queryParameter("docId").orElse(""), system);
        if (found.isEmpty()) {
            return notFound();
        }
        LgspDocuments.Doc doc = found.get();
        byte[] bytes = doc.edxml();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("docId", doc.docId());
        data.put("from", doc.from());
        data.put("fromName", doc.fromName());
        data.put("edocCode", doc.code());
        data.put("edocAbstract", doc.title());
        data.put("edxml", edxmlAsText ? new String(bytes, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(bytes));
        data.put("attachments", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        return SimResponse.json(200, body);
    }

    private SimResponse update(SimRequest request, LgspSystem system) {
        JsonNode body = JsonCodec.tryParse(request.body()).orElse(null);
        if (body == null || !body.path("docId").isTextual() || !body.path("status").isTextual()) {
            return SimResponse.error(400, "invalid_request", "the body is {docId, status}");
        }
        Optional<LgspDocuments.Doc> found = addressedTo(body.path("docId").asText(), system);
        if (found.isEmpty()) {
            return notFound();
        }
        List<String> organs = system.organs().stream().map(LgspSystem.Organ::organId).toList();
        found.get().setStatus(organs, body.path("status").asText(), clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "OK");
        return SimResponse.json(200, answer);
    }

    private SimResponse agencies() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LgspSystem s : systems) {
            for (LgspSystem.Organ o : s.organs()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("orgCode", o.organId());
                a.put("orgName", o.name());
                a.put("parentCode", null);
                a.put("address", "");
                a.put("email", "vanthu@" + o.organId().toLowerCase(Locale.ROOT) + ".sandbox.gov.vn");
                a.put("phone", "");
                list.add(a);
            }
        }
        return SimResponse.json(200, list);
    }

    private Optional<LgspDocuments.Doc> addressedTo(String docId, LgspSystem system) {
        return docs.get(docId).filter(d -> d.statuses().keySet().stream().anyMatch(system::serves));
    }

    private static SimResponse notFound() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", "Không tìm thấy văn bản");
        return SimResponse.json(404, body);
    }

    private static SimResponse notAllowed(String method) {
        return SimResponse.error(405, "method_not_allowed", "use " + method).withHeader("Allow", method);
    }

    /** What the simulator needs from an uploaded package. */
    private record Parsed(String type, Organization from, List<String> to, String code, String title) {
        static Parsed of(EdXmlPackage pkg) {
            if (pkg instanceof DocumentPackage doc) {
                String code = doc.header().code().codeNumber() + "/" + doc.header().code().codeNotation();
                return new Parsed("edoc", doc.header().from(),
                        doc.header().to().stream().map(o -> o.organId().value()).toList(), code,
                        doc.header().subject());
            }
            StatusPackage status = (StatusPackage) pkg;
            return new Parsed("status", status.from(), List.of(status.responseFor().organId().value()),
                    status.responseFor().code(), status.description());
        }
    }
}
