package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.DvcqgPortalSimulator;
import vn.egov.sdk.testkit.internal.JsonCodec;
import vn.egov.sdk.testkit.internal.DvcqgPortalStore;

/**
 * The sandbox's national public-service portal (Cổng DVCQG) integration adapter under {@code /dvcqg/}, from
 * {@link NationalSandbox#dvcqg()}.
 *
 * <p>Endpoints: {@code POST /dvcqg/auth} with {@code {username, password}} and the header
 * {@code dstcode: }{@value #DSTCODE} answers {@code {error_code: 0, session}}; a session lives
 * {@link #SESSION_LIFETIME_MINUTES} minutes on the sandbox clock or until {@link #expireSessions()}.
 * {@code POST /dvcqg/integration} takes {@code {session, madonvi, service, …}} for every service:
 * {@code DongBoHoSoMC} ({@code isUpdating "True"|"False"}, {@code data:[…]}; a create of a held {@code MaHoSo}
 * answers {@code "-3"} "… đã tồn tại …", an update of an unknown one {@code "-4"}), {@code CapNhatTienDoHoSoMC}
 * (rows appended to each dossier's history; at most 10 rows per call, more answer {@code -1}),
 * {@code DongBoTrangThaiHoSo}, {@code TraCuuHoSo} ({@code MaHoSo}; the
 * record with its {@code DanhSachTienDo}), {@code DongBoDanhGia}, the Q&amp;A services ({@code DongBoHoiDap},
 * {@code LayDanhSachHoiDapGuiTuDVCQG}, {@code LayDanhSachHoiDapBoCoQuan}, {@code LayNoiDungTraLoiTheoCauHoi},
 * {@code DongBoKetQuaHoiDapGuiTuDVCQG}) and the catalogue ({@code LayThuTuc} by {@code maTTHC},
 * {@code LayDanhSachTTHC}, {@code LayDVC}, {@code LayDanhMucCoQuan}, {@code LayDanhMucLinhVuc}), seeded with three
 * fictional procedures of province {@code H99}. {@code POST /dvcqg/share} answers the catalogue services only.
 * {@code TraCuuTechID} ({@code provider "wso2is"}, {@code mstorcmnd}) answers {@code result:[{TECHNICALID, …}]}
 * for the {@linkplain SsoTestUser#ALL SSO test users} by their personal ID, CMND or tax number, an empty
 * {@code result} for any other number. A batch is checked whole: a refused batch stores nothing.
 *
 * <p>A province's own sync endpoints (the variant a {@code DvcqgSyncEndpointsClient} talks to) sit in front of the
 * same store under {@code /dvcqg/tinh/}: {@code POST them-moi} (create), {@code cap-nhat} (update),
 * {@code dong-bo-tien-trinh} (progress) and {@code trang-thai} (status), each taking a JSON <em>array</em> of
 * records, and the Hà Giang form {@code POST api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=<code>&isUpdating=True|False}.
 * They need {@code Authorization: Bearer }{@value #PROVINCIAL_TOKEN} (else HTTP 401), answer
 * {@code {error_code, message}} in the same forms, and a create of a held dossier answers {@code 3} "Hồ sơ … đã tồn
 * tại …". A dossier pushed either way shows on the same page.
 *
 * <p>Replies are {@code {error_code, message, result}} with Vietnamese messages; {@code error_code} takes the form
 * {@link #errorCodeStyle(DvcqgErrorCodeStyle)} sets, by default each service's own
 * ({@link DvcqgErrorCodeStyle#PER_SERVICE}). Failure codes: {@code -1} bad request or unknown service, {@code -2}
 * session or credentials, {@code -3} already exists, {@code -4} not found. A body that is not a JSON object answers
 * HTTP 400. {@code GET /dvcqg/ho-so} is a read-only HTML page listing the dossiers held with their status and
 * progress. Faults are armed as for any path, e.g. {@code sandbox.faults().on("/dvcqg/integration").status(503)}.
 * The credentials are public test values.
 *
 * <p>A test may edit the seeded catalogue ({@link #putProcedure}, {@link #removeProcedure};
 * {@link NationalSandbox#reset()} restores it) and let citizens ask questions ({@link #askQuestion}). The catalogue lists are whole unless the call
 * asks for a page with {@code pageIndex} (from 1) and {@code pageSize} (whether the real portal pages is not
 * documented). The page also lists the rating summaries received.
 */
public final class DvcqgPortalSandbox {

    /** The test adapter account's user name. */
    public static final String USERNAME = DvcqgPortalSimulator.USERNAME;
    /** Its password (a public test value). */
    public static final String PASSWORD = DvcqgPortalSimulator.PASSWORD;
    /** The {@code dstcode} header value the adapter expects. */
    public static final String DSTCODE = DvcqgPortalSimulator.DSTCODE;
    /** The test province's agency code, for {@code madonvi} (any non-blank code is accepted). */
    public static final String MADONVI = "H99";
    /** The bearer token the provincial sync endpoints expect (a public test value). */
    public static final String PROVINCIAL_TOKEN = DvcqgPortalSimulator.PROVINCIAL_TOKEN;
    /** How long a session lives, in minutes of the sandbox clock. */
    public static final long SESSION_LIFETIME_MINUTES = 30;

    private final DvcqgPortalSimulator simulator;
    private final String baseUrl;

    /**
     * A dossier as the simulated portal holds it.
     *
     * @param maHoSo the dossier code
     * @param status {@code TrangThaiHoSo} as last received (record or status change), {@code ""} when absent
     * @param json the record as JSON, wire names, status changes merged in
     * @param progressRows how many progress rows it received
     * @param updates how many times the record was re-sent with {@code isUpdating "True"}
     */
    public record HeldDossier(String maHoSo, String status, String json, int progressRows, int updates) {
    }

    /**
     * One progress row received for a dossier ({@code CapNhatTienDoHoSoMC}).
     *
     * @param nguoiXuLy {@code NguoiXuLy}
     * @param thoiDiemXuLy {@code ThoiDiemXuLy}
     * @param noiDungXuLy {@code NoiDungXuLy}
     * @param trangThai {@code TrangThai}
     * @param json the whole row as JSON
     */
    public record ProgressRow(String nguoiXuLy, String thoiDiemXuLy, String noiDungXuLy, String trangThai,
            String json) {
    }

    DvcqgPortalSandbox(DvcqgPortalSimulator simulator, String baseUrl) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.baseUrl = baseUrl;
    }

    /**
     * The adapter's base URL ({@code adapter_url}); the auth, integration and share endpoints are under it.
     *
     * @return {@code baseUrl + "/dvcqg"}
     */
    public String adapterUrl() {
        return baseUrl + "/dvcqg";
    }

    /**
     * The base URL of the simulated province's own sync endpoints; also the base URL of the Hà Giang form.
     *
     * @return {@code adapterUrl() + "/tinh"}
     */
    public String provincialUrl() {
        return adapterUrl() + "/tinh";
    }

    /**
     * The province's create URL ({@code URLThemMoi}).
     *
     * @return {@code provincialUrl() + "/them-moi"}
     */
    public String provincialCreateUrl() {
        return provincialUrl() + "/them-moi";
    }

    /**
     * The province's update URL ({@code URLCapNhat}).
     *
     * @return {@code provincialUrl() + "/cap-nhat"}
     */
    public String provincialUpdateUrl() {
        return provincialUrl() + "/cap-nhat";
    }

    /**
     * The province's progress URL ({@code URLDongBoTienTrinh}).
     *
     * @return {@code provincialUrl() + "/dong-bo-tien-trinh"}
     */
    public String provincialProgressUrl() {
        return provincialUrl() + "/dong-bo-tien-trinh";
    }

    /**
     * The province's status URL (the sandbox offers one; real provinces may not).
     *
     * @return {@code provincialUrl() + "/trang-thai"}
     */
    public String provincialStatusUrl() {
        return provincialUrl() + "/trang-thai";
    }

    /**
     * The Hà Giang sync endpoint, without its query ({@code MaDinhDanhDV}, {@code isUpdating}).
     *
     * @return {@code provincialUrl() + "/api/SynsTTHCC/DongBoHoSoMC"}
     */
    public String haGiangUrl() {
        return provincialUrl() + "/" + DvcqgPortalSimulator.HA_GIANG_PATH;
    }

    /**
     * The read-only page listing the dossiers held.
     *
     * @return {@code adapterUrl() + "/ho-so"}
     */
    public String pageUrl() {
        return adapterUrl() + "/ho-so";
    }

    /**
     * The dossiers held, in order of arrival.
     *
     * @return a snapshot
     */
    public List<HeldDossier> dossiers() {
        return simulator.store().all().stream().map(DvcqgPortalSandbox::view).toList();
    }

    /**
     * One dossier.
     *
     * @param maHoSo the dossier code
     * @return the dossier, or empty when not held
     * @throws ValidationException when {@code maHoSo} is null or blank
     */
    public Optional<HeldDossier> dossier(String maHoSo) {
        return simulator.store().find(ValidationException.requireText(maHoSo, "maHoSo")).map(DvcqgPortalSandbox::view);
    }

    /**
     * The progress rows received for a dossier, in order of arrival.
     *
     * @param maHoSo the dossier code
     * @return the rows, empty when the dossier is not held or has none
     * @throws ValidationException when {@code maHoSo} is null or blank
     */
    public List<ProgressRow> history(String maHoSo) {
        return simulator.store().find(ValidationException.requireText(maHoSo, "maHoSo"))
                .map(held -> held.history().stream().map(DvcqgPortalSandbox::row).toList())
                .orElse(List.of());
    }

    /**
     * The monthly rating summaries received ({@code DongBoDanhGia}), each as JSON with wire names.
     *
     * @return a snapshot
     */
    public List<String> ratings() {
        return simulator.store().ratings().stream().map(JsonNode::toString).toList();
    }

    /**
     * Adds a procedure to the simulated national catalogue, or replaces the one with the same {@code MATTHC} (in its
     * place), until {@link NationalSandbox#reset()}; what {@code LayThuTuc}, {@code LayDanhSachTTHC} and
     * {@code LayDVC} answer from then on.
     *
     * @param procedureJson the procedure as a JSON object with upper-case wire keys and a non-blank {@code MATTHC}
     * @return {@code true} when it replaced a procedure, {@code false} when it was added
     * @throws ValidationException when the text is not a JSON object with a {@code MATTHC}
     */
    public boolean putProcedure(String procedureJson) {
        ObjectNode procedure = object(procedureJson, "procedureJson");
        if (DvcqgPortalStore.text(procedure, "MATTHC").isBlank()) {
            throw ValidationException.of("required", "procedureJson.MATTHC", "procedureJson.MATTHC is required");
        }
        return simulator.catalogue().put(procedure);
    }

    /**
     * Removes a procedure from the simulated national catalogue, until {@link NationalSandbox#reset()}.
     *
     * @param maTTHC the procedure's code
     * @return {@code true} when it was there
     * @throws ValidationException when {@code maTTHC} is null or blank
     */
    public boolean removeProcedure(String maTTHC) {
        return simulator.catalogue().remove(ValidationException.requireText(maTTHC, "maTTHC"));
    }

    /**
     * The procedures of the simulated national catalogue, each as JSON with wire names, in the order served.
     *
     * @return a snapshot
     */
    public List<String> procedures() {
        List<String> out = new java.util.ArrayList<>();
        simulator.catalogue().procedures().forEach(p -> out.add(p.toString()));
        return out;
    }

    /**
     * A citizen asks a question on the national portal: from now on {@code LayDanhSachHoiDapGuiTuDVCQG} lists it
     * (until {@link NationalSandbox#reset()}, which keeps only the seeded ones).
     *
     * @param questionJson the question as a JSON object ({@code HOIDAPID, MaLinhVuc, NOIDUNG, MADONVI, TENDONVI})
     *        with a non-blank {@code HOIDAPID}; one with the same id is replaced
     * @throws ValidationException when the text is not a JSON object with a {@code HOIDAPID}
     */
    public void askQuestion(String questionJson) {
        ObjectNode question = object(questionJson, "questionJson");
        String id = DvcqgPortalStore.text(question, "HOIDAPID");
        if (id.isBlank()) {
            throw ValidationException.of("required", "questionJson.HOIDAPID", "questionJson.HOIDAPID is required");
        }
        simulator.store().putQuestion(id, question.put("NGUON", "DVCQG"));
    }

    /**
     * The questions held, those asked on the national portal first, each as JSON with wire names (answers included,
     * and the simulator's own {@code NGUON}: {@code DVCQG} or {@code COQUAN}).
     *
     * @return a snapshot
     */
    public List<String> questions() {
        List<String> out = new java.util.ArrayList<>();
        simulator.store().questionsFrom("DVCQG").forEach(q -> out.add(q.toString()));
        simulator.store().questionsFrom("COQUAN").forEach(q -> out.add(q.toString()));
        return out;
    }

    private static ObjectNode object(String json, String name) {
        ValidationException.requireText(json, name);
        return JsonCodec.tryParse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .filter(JsonNode::isObject).map(ObjectNode.class::cast)
                .orElseThrow(() -> ValidationException.of("json", name, name + " must be a JSON object"));
    }

    /**
     * Expires every session issued so far: the next call with one answers {@code -2} and the client must log in
     * again.
     */
    public void expireSessions() {
        simulator.sessions().expireAll();
    }

    /**
     * How many sessions {@code /dvcqg/auth} issued since the last reset.
     *
     * @return the count
     */
    public int sessionsIssued() {
        return simulator.sessions().issued();
    }

    /**
     * Sets the form of {@code error_code} in later replies, until {@link NationalSandbox#reset()}.
     *
     * @param style the style
     * @throws ValidationException when {@code style} is null
     */
    public void errorCodeStyle(DvcqgErrorCodeStyle style) {
        simulator.replies().style(ValidationException.requireNonNull(style, "style"));
    }

    private static HeldDossier view(DvcqgPortalStore.Held held) {
        ObjectNode r = held.record();
        return new HeldDossier(DvcqgPortalStore.text(r, "MaHoSo"), DvcqgPortalStore.text(r, "TrangThaiHoSo"),
                r.toString(), held.history().size(), held.updates());
    }

    private static ProgressRow row(ObjectNode r) {
        return new ProgressRow(DvcqgPortalStore.text(r, "NguoiXuLy"), DvcqgPortalStore.text(r, "ThoiDiemXuLy"),
                DvcqgPortalStore.text(r, "NoiDungXuLy"), DvcqgPortalStore.text(r, "TrangThai"), r.toString());
    }

    @Override
    public String toString() {
        return "DvcqgPortalSandbox[" + adapterUrl() + ", " + simulator.store().all().size() + " dossiers]";
    }
}
