package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.dossier.internal.AdapterSession;
import vn.egov.sdk.dossier.internal.AdapterWire;
import vn.egov.sdk.dossier.internal.ReplyReader;
import vn.egov.sdk.dossier.internal.SessionRejected;

/**
 * A client of the DVCQG integration adapter (Cổng Dịch vụ công quốc gia): pushes dossiers, their progress and
 * status, and reads the national catalogue.
 *
 * <pre>{@code
 * try (DvcqgAdapterClient dvcqg = DvcqgAdapterClient.builder()
 *         .settings(ClientSettings.builder().endpoint("https://adapter.example.gov.vn/dvcqg").build())
 *         .account("motcua-h56", Secret.of(System.getenv("DVCQG_PASSWORD")))
 *         .madonvi("H56").dstcode("H56")
 *         .build()) {
 *     AdapterReply reply = dvcqg.pushDossiers(List.of(record), false);
 * }
 * }</pre>
 *
 * <h2>Wire</h2>
 * Every request is a {@code POST} of JSON with the headers {@code Accept: application/json}, {@code Charset: utf-8}
 * and {@code dstcode}. The session comes from {@code adapter_url + auth_endpoint} with {@code {username, password}}
 * answered by {@code {error_code: 0, session}}; it is cached for the
 * {@linkplain DvcqgAdapterClientBuilder#sessionLifetime session lifetime} with one login in flight however many
 * threads call. Calls go to {@code adapter_url + integration_endpoint} (catalogues: {@code share_endpoint}) as
 * {@code {session, madonvi, service, …fields}} and are answered by {@code {error_code, message, result}}, read
 * by {@link AdapterReply} ({@code 0}, {@code "0"} and {@code "00"} are success).
 *
 * <h2>An invalid session</h2>
 * A reply whose {@code error_code} is one of the
 * {@linkplain DvcqgAdapterClientBuilder#sessionExpiredCodes session-expired codes}, or an HTTP 401, drops the
 * session. A call safe to repeat (a read, an update, or one the caller {@linkplain #call(String, ObjectNode, boolean)
 * marked so}) then logs in once more and is sent once more; any other call ends in a retryable
 * {@link AdapterException} of fault PLATFORM, and the next call logs in again.
 *
 * <h2>Errors</h2>
 * {@link #call} returns every reply the portal sent in its envelope, refusals included (see
 * {@link AdapterReply#success()} and {@link AdapterReply#alreadyExists()}). The read methods ({@link #procedure},
 * {@link #lookupDossier}, …) return the {@code result} of a successful reply and throw an {@link AdapterException}
 * of fault CALLER for a refusal. HTTP errors, replies that are not the JSON envelope, replies over
 * {@link ClientSettings#maxResponseBytes()} and network failures are {@link AdapterException}s whose
 * {@link AdapterException#fault()} says whose fault it was. Reads are repeated by the runtime after a retryable
 * failure; pushes are not (their outcome may then be unknown: {@link AdapterException#mayHaveReachedServer()}).
 *
 * <p>Thread-safe; close it to release its connections.
 */
public final class DvcqgAdapterClient implements DossierTransport, AutoCloseable {
    /** Service: push dossiers ({@code isUpdating}, {@code data}). */
    public static final String PUSH_DOSSIERS = "DongBoHoSoMC";
    /** Service: push progress rows. */
    public static final String PUSH_PROGRESS = "CapNhatTienDoHoSoMC";
    /** Service: push status changes ({@code type:"2"}). */
    public static final String PUSH_STATUS = "DongBoTrangThaiHoSo";
    /** Service: look a dossier up. */
    public static final String LOOKUP_DOSSIER = "TraCuuHoSo";
    /** Service: one procedure of the catalogue ({@code maTTHC}). */
    public static final String PROCEDURE = "LayThuTuc";
    /** Service: the list of procedures. */
    public static final String PROCEDURES = "LayDanhSachTTHC";
    /** Service: the online public services. */
    public static final String SERVICES = "LayDVC";
    /** Service: the agencies. */
    public static final String AGENCIES = "LayDanhMucCoQuan";
    /** Service: the fields (lĩnh vực). */
    public static final String FIELDS = "LayDanhMucLinhVuc";
    /** Service: look a citizen's TechID up. */
    public static final String LOOKUP_TECH_ID = "TraCuuTechID";
    /** Service: push satisfaction ratings. */
    public static final String PUSH_RATINGS = "DongBoDanhGia";
    /** Service: push questions and answers. */
    public static final String PUSH_QUESTIONS = "DongBoHoiDap";

    private static final Logger LOG = LoggerFactory.getLogger(DvcqgAdapterClient.class);
    private static final Set<String> ENVELOPE = Set.of("session", "madonvi", "service");

    private final String adapterUrl;
    private final String integrationUrl;
    private final String shareUrl;
    private final String madonvi;
    private final Set<String> sessionExpiredCodes;
    private final HttpRuntime runtime;
    private final AdapterWire wire;
    private final AdapterSession session;

    DvcqgAdapterClient(DvcqgAdapterClientBuilder b) {
        String base = b.settings.endpoint().orElseThrow();
        this.adapterUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.integrationUrl = adapterUrl + b.integrationEndpoint;
        this.shareUrl = adapterUrl + b.shareEndpoint;
        this.madonvi = b.madonvi;
        this.sessionExpiredCodes = Set.copyOf(b.sessionExpiredCodes);
        this.runtime = HttpRuntime.builder().settings(b.settings).generateIdempotencyKeys(false).build();
        this.wire = new AdapterWire(runtime, b.dstcode);
        this.session = new AdapterSession(wire, adapterUrl + b.authEndpoint, b.username, b.password,
                b.sessionLifetime, b.refreshBefore, runtime.clock());
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static DvcqgAdapterClientBuilder builder() {
        return new DvcqgAdapterClientBuilder();
    }

    /**
     * Calls an integrated service; reads ({@code Lay…}, {@code TraCuu…}) are safe to repeat, other services not.
     *
     * @param service the service name, for example {@value #PUSH_PROGRESS}
     * @param fields the fields beside the envelope (not {@code session}, {@code madonvi} or {@code service})
     * @return the reply, successful or not
     * @throws ValidationException for a blank service or a field that would overwrite the envelope
     * @throws AdapterException for an HTTP error, a network failure, a reply that is not the envelope
     */
    public AdapterReply call(String service, ObjectNode fields) {
        return call(service, fields, isRead(service));
    }

    /**
     * Calls an integrated service, saying whether it is safe to send twice.
     *
     * @param service the service name
     * @param fields the fields beside the envelope
     * @param repeatable whether sending it twice does no harm (then it is repeated after a retryable failure and
     *        after an invalid session)
     * @return the reply, successful or not
     * @throws ValidationException for a blank service or a field that would overwrite the envelope
     * @throws AdapterException for an HTTP error, a network failure, a reply that is not the envelope
     */
    public AdapterReply call(String service, ObjectNode fields, boolean repeatable) {
        return send(integrationUrl, service, fields, repeatable);
    }

    /**
     * Calls a shared service (the catalogues, at {@code share_endpoint}); safe to repeat.
     *
     * @param service the service name, for example {@value #PROCEDURES}
     * @param fields the fields beside the envelope
     * @return the reply, successful or not
     * @throws ValidationException for a blank service or a field that would overwrite the envelope
     * @throws AdapterException for an HTTP error, a network failure, a reply that is not the envelope
     */
    public AdapterReply share(String service, ObjectNode fields) {
        return send(shareUrl, service, fields, true);
    }

    /**
     * Pushes dossier records ({@value #PUSH_DOSSIERS}, {@code isUpdating:"True"|"False"}, {@code data:[…]}). An
     * update is safe to repeat, a create is not. A create refused with "đã tồn tại" returns a reply whose
     * {@link AdapterReply#alreadyExists()} is {@code true}: send the same records again with {@code updating}.
     *
     * @param records the {@code DongBoHoSoMC} records, at least one
     * @param updating {@code true} to update existing dossiers
     * @return the reply, successful or not
     * @throws ValidationException for an empty list or a null record
     * @throws AdapterException as {@link #call(String, ObjectNode)}
     */
    @Override
    public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
        ObjectNode fields = Json.mapper().createObjectNode().put("isUpdating", updating ? "True" : "False");
        fields.set("data", array(records, "records"));
        return call(PUSH_DOSSIERS, fields, updating);
    }

    /**
     * Pushes progress rows ({@value #PUSH_PROGRESS}, {@code data:[…]}); not repeated.
     *
     * @param rows the {@code CapNhatTienDoHoSoMC} rows, at least one
     * @return the reply, successful or not
     * @throws ValidationException for an empty list or a null row
     * @throws AdapterException as {@link #call(String, ObjectNode)}
     */
    @Override
    public AdapterReply pushProgress(List<ObjectNode> rows) {
        ObjectNode fields = Json.mapper().createObjectNode();
        fields.set("data", array(rows, "rows"));
        return call(PUSH_PROGRESS, fields, false);
    }

    /**
     * Pushes status changes ({@value #PUSH_STATUS}, {@code type:"2"}, {@code data:[…]}); safe to repeat (a status
     * set twice is the same status).
     *
     * @param statuses the status records, at least one
     * @return the reply, successful or not
     * @throws ValidationException for an empty list or a null record
     * @throws AdapterException as {@link #call(String, ObjectNode)}
     */
    @Override
    public AdapterReply pushStatus(List<ObjectNode> statuses) {
        ObjectNode fields = Json.mapper().createObjectNode().put("type", "2");
        fields.set("data", array(statuses, "statuses"));
        return call(PUSH_STATUS, fields, true);
    }

    /**
     * Pushes monthly rating summaries ({@value #PUSH_RATINGS}, {@code data:[…]}); not repeated.
     *
     * @param ratings the {@code DongBoDanhGia} records, at least one
     * @return the reply, successful or not
     * @throws ValidationException for an empty list or a null record
     * @throws AdapterException as {@link #call(String, ObjectNode)}
     */
    public AdapterReply pushRatings(List<ObjectNode> ratings) {
        ObjectNode fields = Json.mapper().createObjectNode();
        fields.set("data", array(ratings, "ratings"));
        return call(PUSH_RATINGS, fields, false);
    }

    /**
     * Pushes questions and answers ({@value #PUSH_QUESTIONS}, {@code data:[…]}); not repeated.
     *
     * @param items the {@code DongBoHoiDap} items, at least one
     * @return the reply, successful or not
     * @throws ValidationException for an empty list or a null item
     * @throws AdapterException as {@link #call(String, ObjectNode)}
     */
    public AdapterReply pushQuestions(List<ObjectNode> items) {
        ObjectNode fields = Json.mapper().createObjectNode();
        fields.set("data", array(items, "items"));
        return call(PUSH_QUESTIONS, fields, false);
    }

    /**
     * Looks a dossier up ({@value #LOOKUP_DOSSIER}, {@code MaHoSo} [INFERRED field name]).
     *
     * @param maHoSo the dossier code
     * @return the {@code result}
     * @throws ValidationException for a blank code
     * @throws AdapterException of fault CALLER when the portal refuses, else as {@link #call(String, ObjectNode)}
     */
    public JsonNode lookupDossier(String maHoSo) {
        ValidationException.requireText(maHoSo, "maHoSo");
        return call(LOOKUP_DOSSIER, Json.mapper().createObjectNode().put("MaHoSo", maHoSo), true).orThrow().result();
    }

    /**
     * What the portal holds about a dossier ({@value #LOOKUP_DOSSIER}): its record with its progress rows in
     * {@code DanhSachTienDo}; a "not found" reply ({@code -4}) is empty.
     *
     * @param maHoSo the dossier code
     * @return the {@code result}, or empty when the portal holds no such dossier
     * @throws ValidationException for a blank code
     * @throws AdapterException of fault CALLER for another refusal, else as {@link #call(String, ObjectNode)}
     */
    @Override
    public Optional<JsonNode> findDossier(String maHoSo) {
        ValidationException.requireText(maHoSo, "maHoSo");
        AdapterReply reply = call(LOOKUP_DOSSIER, Json.mapper().createObjectNode().put("MaHoSo", maHoSo), true);
        String code = reply.errorCode().trim();
        return code.equals("-4") || code.equals("4") ? Optional.empty() : Optional.of(reply.orThrow().result());
    }

    /**
     * One procedure of the national catalogue ({@value #PROCEDURE}, {@code maTTHC}).
     *
     * @param maTTHC the procedure code, for example {@code 1.003560.000.00.00.H56}
     * @return the {@code result} (upper-case keys {@code MATTHC}, {@code TENTTHC}, …)
     * @throws ValidationException for a blank code
     * @throws AdapterException of fault CALLER when the portal refuses, else as {@link #call(String, ObjectNode)}
     */
    public JsonNode procedure(String maTTHC) {
        ValidationException.requireText(maTTHC, "maTTHC");
        return share(PROCEDURE, Json.mapper().createObjectNode().put("maTTHC", maTTHC)).orThrow().result();
    }

    /**
     * The list of procedures ({@value #PROCEDURES}).
     *
     * @return the {@code result}
     * @throws AdapterException of fault CALLER when the portal refuses, else as {@link #call(String, ObjectNode)}
     */
    public JsonNode procedures() {
        return share(PROCEDURES, Json.mapper().createObjectNode()).orThrow().result();
    }

    /**
     * The online public services ({@value #SERVICES}).
     *
     * @return the {@code result}
     * @throws AdapterException of fault CALLER when the portal refuses, else as {@link #call(String, ObjectNode)}
     */
    public JsonNode services() {
        return share(SERVICES, Json.mapper().createObjectNode()).orThrow().result();
    }

    /**
     * The agencies ({@value #AGENCIES}).
     *
     * @return the {@code result}
     * @throws AdapterException of fault CALLER when the portal refuses, else as {@link #call(String, ObjectNode)}
     */
    public JsonNode agencies() {
        return share(AGENCIES, Json.mapper().createObjectNode()).orThrow().result();
    }

    /**
     * The fields, lĩnh vực ({@value #FIELDS}).
     *
     * @return the {@code result}
     * @throws AdapterException of fault CALLER when the portal refuses, else as {@link #call(String, ObjectNode)}
     */
    public JsonNode fields() {
        return share(FIELDS, Json.mapper().createObjectNode()).orThrow().result();
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "DvcqgAdapterClient[" + adapterUrl + ", madonvi=" + madonvi + "]";
    }

    private AdapterReply send(String url, String service, ObjectNode fields, boolean repeatable) {
        ValidationException.requireText(service, "service");
        ValidationException.requireNonNull(fields, "fields");
        for (String key : ENVELOPE) {
            if (fields.has(key)) {
                throw ValidationException.of("dvcqg.fields.envelope", "fields." + key,
                        "the fields must not contain " + key + ": the client fills the envelope");
            }
        }
        Secret current = session.current();
        try {
            return once(url, service, fields, repeatable, current);
        } catch (SessionRejected expired) {
            session.invalidate(current);
            if (!repeatable) {
                throw expired.toException(service, false);
            }
            LOG.debug("DVCQG adapter session rejected on {}; logging in again and repeating once", service);
            Secret renewed = session.current();
            try {
                return once(url, service, fields, true, renewed);
            } catch (SessionRejected again) {
                session.invalidate(renewed);
                throw again.toException(service, true);
            }
        }
    }

    private AdapterReply once(String url, String service, ObjectNode fields, boolean repeatable, Secret current) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("session", current.reveal());
        body.put("madonvi", madonvi);
        body.put("service", service);
        body.setAll(fields);
        JsonNode answer;
        try {
            answer = wire.post(url, body, service, repeatable);
        } catch (AdapterException e) {
            if (e.httpStatus().orElse(0) == 401) {
                throw new SessionRejected("HTTP 401", null);
            }
            throw e;
        }
        AdapterReply reply = ReplyReader.read(service, answer);
        if (sessionExpiredCodes.contains(reply.errorCode())) {
            throw new SessionRejected("error_code " + reply.errorCode(), reply);
        }
        return reply;
    }

    private static ArrayNode array(List<ObjectNode> items, String name) {
        return AdapterWire.array(items, name);
    }

    private static boolean isRead(String service) {
        return service != null && (service.startsWith("Lay") || service.startsWith("TraCuu"));
    }
}
