package vn.egov.sdk.dossier;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.auth.StaticHeaders;
import vn.egov.sdk.core.http.ClientSettings;

/**
 * Builder of {@link DvcqgSyncEndpointsClient}: the HTTP settings, the province's URLs and how requests are
 * authenticated. Either the three URLs of the TD‑ThanhHoa form ({@link #createUrl}, {@link #updateUrl},
 * {@link #progressUrl}; {@link #statusUrl} optional) or the {@linkplain #haGiang Hà Giang preset} (one URL for
 * create and update; progress and status optional). Not thread-safe.
 */
public final class DvcqgSyncEndpointsClientBuilder {
    ClientSettings settings = ClientSettings.defaults();
    String createUrl;
    String updateUrl;
    String progressUrl;
    String statusUrl;
    String haGiangUrl;
    String haGiangCode;
    boolean haGiangPreset;
    AuthStrategy auth = AuthStrategy.NONE;
    int progressBatchSize = 10;

    DvcqgSyncEndpointsClientBuilder() {
    }

    /**
     * The HTTP settings (timeouts, deadline, retries, response cap, clock, interceptors); their endpoint is not
     * used, the URLs below are absolute.
     *
     * @param value the settings
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "DvcqgSyncEndpointsClient.settings");
        return this;
    }

    /**
     * The create URL ({@code URLThemMoi}): takes a JSON array of new {@code DongBoHoSoMC} records.
     *
     * @param value an absolute {@code http} or {@code https} URL
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder createUrl(String value) {
        this.createUrl = value;
        return this;
    }

    /**
     * The update URL ({@code URLCapNhat}): takes a JSON array of records the province already holds.
     *
     * @param value an absolute {@code http} or {@code https} URL
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder updateUrl(String value) {
        this.updateUrl = value;
        return this;
    }

    /**
     * The progress URL ({@code URLDongBoTienTrinh}): takes a JSON array of {@code CapNhatTienDoHoSoMC} rows.
     * Required unless the {@linkplain #haGiang Hà Giang preset} is used.
     *
     * @param value an absolute {@code http} or {@code https} URL
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder progressUrl(String value) {
        this.progressUrl = value;
        return this;
    }

    /**
     * The status URL, where the province exposes one (none of the public integrations does: [INFERRED]); it takes
     * a JSON array of status records. Without it {@link DvcqgSyncEndpointsClient#pushStatus} fails.
     *
     * @param value an absolute {@code http} or {@code https} URL
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder statusUrl(String value) {
        this.statusUrl = value;
        return this;
    }

    /**
     * The Hà Giang form: one URL, {@code baseUrl + }{@value DvcqgSyncEndpointsClient#HA_GIANG_PATH}, for create and
     * update, told apart by the query {@code ?MaDinhDanhDV=<agency code>&isUpdating=False|True}; the body is the
     * same JSON array of records. Replaces {@link #createUrl} and {@link #updateUrl}; {@link #progressUrl} becomes
     * optional. (Hà Giang's own system sends the citizen's ID number as {@code MaDoiTuong} and {@code HinhThuc "0"}:
     * that is the content of the records, which this client sends as given.)
     *
     * @param baseUrl the province's base URL, for example {@code https://motcua.example.gov.vn}
     * @param maDinhDanhDV the agency code sent as {@code MaDinhDanhDV}
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder haGiang(String baseUrl, String maDinhDanhDV) {
        this.haGiangUrl = baseUrl == null ? null
                : (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                        + DvcqgSyncEndpointsClient.HA_GIANG_PATH;
        this.haGiangCode = maDinhDanhDV;
        this.haGiangPreset = true;
        return this;
    }

    /**
     * How requests are authenticated (default: not at all), for example an
     * {@link vn.egov.sdk.core.auth.OAuth2ClientCredentials} or a {@link StaticHeaders}. Replaces
     * {@link #bearerToken} and {@link #header}.
     *
     * @param value the strategy
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder auth(AuthStrategy value) {
        this.auth = ValidationException.requireNonNull(value, "DvcqgSyncEndpointsClient.auth");
        return this;
    }

    /**
     * A fixed bearer token, sent as {@code Authorization: Bearer <token>} on every request. Replaces
     * {@link #auth} and {@link #header}.
     *
     * @param token the token, never logged
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder bearerToken(Secret token) {
        ValidationException.requireNonNull(token, "DvcqgSyncEndpointsClient.bearerToken");
        this.auth = StaticHeaders.builder().secretHeader("Authorization", Secret.of("Bearer " + token.reveal()))
                .build();
        return this;
    }

    /**
     * One fixed credential header, for example an API key, on every request. Replaces {@link #auth} and
     * {@link #bearerToken}.
     *
     * @param name the header name
     * @param value the value, never logged
     * @return this builder
     * @throws ValidationException for a blank name or a null value
     */
    public DvcqgSyncEndpointsClientBuilder header(String name, Secret value) {
        this.auth = StaticHeaders.builder().secretHeader(name, value).build();
        return this;
    }

    /**
     * The most progress rows one request carries (default 10, what TD‑ThanhHoa sends; the province's own limit is
     * not documented: [INFERRED]). A longer list is refused before anything is sent, rather than split, so that a
     * refusal part-way never leaves rows received twice when the caller sends the list again.
     *
     * @param value 1 or more
     * @return this builder
     */
    public DvcqgSyncEndpointsClientBuilder progressBatchSize(int value) {
        this.progressBatchSize = value;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ValidationException naming every missing or wrong setting
     */
    public DvcqgSyncEndpointsClient build() {
        List<FieldError> errors = new ArrayList<>();
        if (haGiangPreset) {
            url(errors, haGiangUrl, "haGiang.baseUrl", true);
            if (haGiangCode == null || haGiangCode.isBlank()) {
                errors.add(new FieldError("dvcqg.maDinhDanhDV", "DvcqgSyncEndpointsClient.haGiang.maDinhDanhDV",
                        "maDinhDanhDV is required"));
            }
            if (createUrl != null || updateUrl != null) {
                errors.add(new FieldError("dvcqg.haGiang", "DvcqgSyncEndpointsClient.haGiang",
                        "the Hà Giang preset replaces createUrl and updateUrl: set one or the other"));
            }
            url(errors, progressUrl, "progressUrl", false);
        } else {
            url(errors, createUrl, "createUrl", true);
            url(errors, updateUrl, "updateUrl", true);
            url(errors, progressUrl, "progressUrl", true);
        }
        url(errors, statusUrl, "statusUrl", false);
        if (progressBatchSize < 1) {
            errors.add(new FieldError("dvcqg.progressBatchSize", "DvcqgSyncEndpointsClient.progressBatchSize",
                    "progressBatchSize must be 1 or more"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DvcqgSyncEndpointsClient(this);
    }

    private static void url(List<FieldError> errors, String value, String name, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError("dvcqg." + name, "DvcqgSyncEndpointsClient." + name,
                        name + " is required"));
            }
            return;
        }
        HttpUrl parsed = HttpUrl.parse(value);
        if (parsed == null || value.contains("#")) {
            errors.add(new FieldError("dvcqg." + name, "DvcqgSyncEndpointsClient." + name,
                    name + " must be an absolute http or https URL without a fragment"));
        }
    }
}
