package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.dossier.internal.AdapterWire;
import vn.egov.sdk.dossier.internal.ReplyReader;

/**
 * Pushes dossiers to the national portal through a province's own sync endpoints instead of the DVCQG adapter
 * (the third variant, seen in TD‑ThanhHoa 2024/25): a create URL ({@code URLThemMoi}), an update URL
 * ({@code URLCapNhat}) and a progress URL ({@code URLDongBoTienTrinh}), each taking a JSON <em>array</em> of
 * records and answering {@code {error_code, message}}; or the {@linkplain DvcqgSyncEndpointsClientBuilder#haGiang
 * Hà Giang form}, one URL {@code …}{@value #HA_GIANG_PATH}{@code ?MaDinhDanhDV=<code>&isUpdating=False|True} for
 * create and update. There is no session and no envelope; credentials, where the province wants any, are
 * configuration (none, a bearer token, a header, or any {@link vn.egov.sdk.core.auth.AuthStrategy}).
 *
 * <pre>{@code
 * try (DvcqgSyncEndpointsClient province = DvcqgSyncEndpointsClient.builder()
 *         .createUrl("https://lgsp.example.gov.vn/dvc/them-moi")
 *         .updateUrl("https://lgsp.example.gov.vn/dvc/cap-nhat")
 *         .progressUrl("https://lgsp.example.gov.vn/dvc/dong-bo-tien-trinh")
 *         .bearerToken(Secret.of(System.getenv("PROVINCE_TOKEN")))
 *         .build()) {
 *     AdapterReply reply = province.pushDossiers(List.of(record), false);
 *     if (reply.alreadyExists()) {
 *         reply = province.pushDossiers(List.of(record), true);
 *     }
 * }
 * }</pre>
 *
 * <h2>Replies</h2>
 * Every reply is read as an {@link AdapterReply}, like the adapter's: {@code error_code} {@code 0}, {@code "0"}
 * and {@code "00"} are {@linkplain AdapterReply#success() success}; {@code 3} or {@code -3} ("Hồ sơ đã tồn tại") is
 * {@linkplain AdapterReply#alreadyExists() already exists}, and the same records should be sent again as an update.
 * Both are decided by the code alone. TD‑ThanhHoa, after reading the code, finally judges success by the words
 * "thành công" in {@code message}; this client never does: the wording is the province's to change, and a refusal
 * such as "Cập nhật không thành công" contains those words too. A reply without a usable {@code error_code} is an
 * {@link AdapterException} of fault PLATFORM whatever its message says.
 *
 * <h2>Errors</h2>
 * HTTP errors, replies that are not a JSON object, replies over {@link ClientSettings#maxResponseBytes()} and network
 * failures are {@link AdapterException}s whose {@link AdapterException#fault()} says whose fault it was. An update
 * and a status push are repeated by the runtime after a retryable failure; a create and a progress push are not
 * (their outcome may then be unknown: {@link AdapterException#mayHaveReachedServer()}). The province offers no
 * lookup, so {@link #findDossier} is always empty.
 *
 * <p>Thread-safe; close it to release its connections.
 */
public final class DvcqgSyncEndpointsClient implements DossierTransport, AutoCloseable {
    /** The path of the Hà Giang sync endpoint under the province's base URL. */
    public static final String HA_GIANG_PATH = "/api/SynsTTHCC/DongBoHoSoMC";

    private static final String PARTY = "the provincial sync endpoint";

    private final String createUrl;
    private final String updateUrl;
    private final String progressUrl;
    private final String statusUrl;
    private final int progressBatchSize;
    private final HttpRuntime runtime;
    private final AdapterWire wire;

    DvcqgSyncEndpointsClient(DvcqgSyncEndpointsClientBuilder b) {
        if (b.haGiangPreset) {
            this.createUrl = haGiang(b.haGiangUrl, b.haGiangCode, false);
            this.updateUrl = haGiang(b.haGiangUrl, b.haGiangCode, true);
        } else {
            this.createUrl = b.createUrl;
            this.updateUrl = b.updateUrl;
        }
        this.progressUrl = b.progressUrl;
        this.statusUrl = b.statusUrl;
        this.progressBatchSize = b.progressBatchSize;
        this.runtime = HttpRuntime.builder().settings(b.settings).auth(b.auth).generateIdempotencyKeys(false).build();
        this.wire = new AdapterWire(runtime, PARTY, Map.of());
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static DvcqgSyncEndpointsClientBuilder builder() {
        return new DvcqgSyncEndpointsClientBuilder();
    }

    /**
     * Pushes dossier records as a JSON array to the create URL, or to the update URL when {@code updating}. An
     * update is safe to repeat, a create is not. A create refused because the province holds the dossier returns
     * a reply whose {@link AdapterReply#alreadyExists()} is {@code true}: send the same records with
     * {@code updating}.
     *
     * @param records the {@code DongBoHoSoMC} records, at least one
     * @param updating {@code true} to update dossiers the province holds
     * @return the reply (its {@link AdapterReply#service()} is {@value DvcqgAdapterClient#PUSH_DOSSIERS})
     * @throws ValidationException for an empty list or a null record (nothing is sent)
     * @throws AdapterException for an HTTP error, a network failure, a reply that is not the envelope
     */
    @Override
    public AdapterReply pushDossiers(List<ObjectNode> records, boolean updating) {
        return post(updating ? updateUrl : createUrl, AdapterWire.array(records, "records"),
                DvcqgAdapterClient.PUSH_DOSSIERS, updating);
    }

    /**
     * Pushes progress rows as a JSON array to the progress URL; not repeated.
     *
     * @param rows the {@code CapNhatTienDoHoSoMC} rows, at least one and at most {@link #progressBatchSize()}
     * @return the reply (its {@link AdapterReply#service()} is {@value DvcqgAdapterClient#PUSH_PROGRESS})
     * @throws ValidationException for an empty list, a null row or more rows than the batch size (nothing is
     *         sent)
     * @throws AdapterException of fault CALLER when no progress URL is configured (Hà Giang preset), else as
     *         {@link #pushDossiers}
     */
    @Override
    public AdapterReply pushProgress(List<ObjectNode> rows) {
        var data = AdapterWire.array(rows, "rows");
        if (data.size() > progressBatchSize) {
            throw ValidationException.of("dvcqg.rows.batchSize", "rows", rows.size()
                    + " progress rows given, the province takes at most " + progressBatchSize
                    + " in one request: send them in batches");
        }
        return post(configured(progressUrl, DvcqgAdapterClient.PUSH_PROGRESS, "progress"), data,
                DvcqgAdapterClient.PUSH_PROGRESS, false);
    }

    /**
     * Pushes status changes as a JSON array to the status URL, where the province has one; safe to repeat.
     *
     * @param statuses the status records, at least one
     * @return the reply (its {@link AdapterReply#service()} is {@value DvcqgAdapterClient#PUSH_STATUS})
     * @throws ValidationException for an empty list or a null record (nothing is sent)
     * @throws AdapterException of fault CALLER, not retryable, when no status URL is configured (the province
     *         exposes no status endpoint: carry the status in the dossier record and update it instead), else as
     *         {@link #pushDossiers}
     */
    @Override
    public AdapterReply pushStatus(List<ObjectNode> statuses) {
        var data = AdapterWire.array(statuses, "statuses");
        return post(configured(statusUrl, DvcqgAdapterClient.PUSH_STATUS, "status"), data,
                DvcqgAdapterClient.PUSH_STATUS, true);
    }

    /**
     * Always empty: the provincial endpoints offer no lookup.
     *
     * @param maHoSo the dossier code
     * @return empty
     */
    @Override
    public Optional<JsonNode> findDossier(String maHoSo) {
        return Optional.empty();
    }

    /**
     * Dossiers always; progress rows when a progress URL is configured; status changes when a status URL is.
     *
     * @param kind the kind of record
     * @return whether this province exposes an endpoint for it
     */
    @Override
    public boolean accepts(OutboxKind kind) {
        return switch (kind) {
            case PROGRESS -> supportsProgress();
            case STATUS -> supportsStatus();
            default -> true;
        };
    }

    /**
     * The {@linkplain #progressBatchSize() progress batch size}.
     *
     * @return 1 or more
     */
    @Override
    public int maxRecordsPerCall() {
        return progressBatchSize;
    }

    /**
     * Whether a status URL is configured, so that {@link #pushStatus} can succeed.
     *
     * @return {@code true} when the province exposes a status endpoint
     */
    public boolean supportsStatus() {
        return statusUrl != null;
    }

    /**
     * Whether a progress URL is configured, so that {@link #pushProgress} can succeed (always so unless the Hà
     * Giang preset was used without one).
     *
     * @return {@code true} when the province exposes a progress endpoint
     */
    public boolean supportsProgress() {
        return progressUrl != null;
    }

    /**
     * The most progress rows one {@link #pushProgress} takes.
     *
     * @return the batch size, 1 or more
     */
    public int progressBatchSize() {
        return progressBatchSize;
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "DvcqgSyncEndpointsClient[create=" + shown(createUrl) + ", update=" + shown(updateUrl)
                + ", progress=" + shown(progressUrl) + ", status=" + shown(statusUrl) + "]";
    }

    private AdapterReply post(String url, JsonNode data, String service, boolean repeatable) {
        return ReplyReader.read(PARTY, service, wire.post(url, data, service, repeatable));
    }

    private static String configured(String url, String service, String what) {
        if (url == null) {
            throw new AdapterException("the province exposes no " + what + " endpoint (no " + what
                    + "Url configured), so " + service + " cannot be sent through it",
                    ErrorDetails.of(Fault.CALLER, false), null, service, null, false);
        }
        return url;
    }

    private static String haGiang(String url, String code, boolean updating) {
        return HttpUrl.get(url).newBuilder().addQueryParameter("MaDinhDanhDV", code)
                .addQueryParameter("isUpdating", updating ? "True" : "False").build().toString();
    }

    /** A URL without its query (which may carry a key) for {@link #toString()}. */
    private static String shown(String url) {
        if (url == null) {
            return "none";
        }
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? "?" : parsed.scheme() + "://" + parsed.host() + ":" + parsed.port()
                + parsed.encodedPath();
    }
}
