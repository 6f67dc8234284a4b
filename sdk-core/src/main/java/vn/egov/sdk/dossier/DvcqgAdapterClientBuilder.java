package vn.egov.sdk.dossier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;

/**
 * Builder of {@link DvcqgAdapterClient}: the HTTP settings in one {@link ClientSettings} (its endpoint, the adapter
 * URL {@code adapter_url}, is required), the endpoints under it, the account ({@code username}, {@code password}),
 * the agency code {@code madonvi} and the {@code dstcode} header. Not thread-safe.
 */
public final class DvcqgAdapterClientBuilder {
    ClientSettings settings = ClientSettings.defaults();
    String authEndpoint = "/auth";
    String integrationEndpoint = "/integration";
    String shareEndpoint = "/share";
    String username;
    Secret password;
    String madonvi;
    String dstcode;
    Duration sessionLifetime = Duration.ofMinutes(30);
    Duration refreshBefore = Duration.ofMinutes(1);
    Set<String> sessionExpiredCodes = new LinkedHashSet<>(List.of("-2", "401", "-401"));

    DvcqgAdapterClientBuilder() {
    }

    /**
     * The HTTP settings; their endpoint is the adapter URL ({@code adapter_url}, required), for example
     * {@code https://adapter.example.gov.vn/dvcqg}.
     *
     * @param value the settings
     * @return this builder
     */
    public DvcqgAdapterClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "DvcqgAdapterClient.settings");
        return this;
    }

    /**
     * The login path under the adapter URL ({@code auth_endpoint}; default {@code /auth} [INFERRED]).
     *
     * @param value a path starting with {@code /}
     * @return this builder
     */
    public DvcqgAdapterClientBuilder authEndpoint(String value) {
        this.authEndpoint = value;
        return this;
    }

    /**
     * The path of the integrated services ({@code integration_endpoint}; default {@code /integration} [INFERRED]).
     *
     * @param value a path starting with {@code /}
     * @return this builder
     */
    public DvcqgAdapterClientBuilder integrationEndpoint(String value) {
        this.integrationEndpoint = value;
        return this;
    }

    /**
     * The path of the shared services, the catalogues ({@code share_endpoint}; default {@code /share} [INFERRED]).
     *
     * @param value a path starting with {@code /}
     * @return this builder
     */
    public DvcqgAdapterClientBuilder shareEndpoint(String value) {
        this.shareEndpoint = value;
        return this;
    }

    /**
     * The adapter account ({@code username}, {@code password}); both required.
     *
     * @param user the user name
     * @param pass the password, never logged
     * @return this builder
     */
    public DvcqgAdapterClientBuilder account(String user, Secret pass) {
        this.username = user;
        this.password = pass;
        return this;
    }

    /**
     * The agency code sent as {@code madonvi} in every envelope (required).
     *
     * @param value the code, for example {@code H56}
     * @return this builder
     */
    public DvcqgAdapterClientBuilder madonvi(String value) {
        this.madonvi = value;
        return this;
    }

    /**
     * The {@code dstcode} header sent with every request (required).
     *
     * @param value the destination code the operator issued
     * @return this builder
     */
    public DvcqgAdapterClientBuilder dstcode(String value) {
        this.dstcode = value;
        return this;
    }

    /**
     * How long a session is assumed valid (default 30 min [INFERRED]; the portal does not say).
     *
     * @param value a positive duration
     * @return this builder
     */
    public DvcqgAdapterClientBuilder sessionLifetime(Duration value) {
        this.sessionLifetime = ValidationException.requireNonNull(value, "DvcqgAdapterClient.sessionLifetime");
        return this;
    }

    /**
     * Log in again this long before the session is assumed to run out (default 1 min, at most half the lifetime).
     *
     * @param value a duration, zero or more
     * @return this builder
     */
    public DvcqgAdapterClientBuilder refreshBefore(Duration value) {
        this.refreshBefore = ValidationException.requireNonNull(value, "DvcqgAdapterClient.refreshBefore");
        return this;
    }

    /**
     * The {@code error_code} values that mean "the session is invalid or expired" (default {@code -2}, the
     * sandbox's code, {@code 401} and {@code -401} [INFERRED: the portal's code is not documented]; an HTTP 401
     * always means it).
     *
     * @param codes the codes, at least one
     * @return this builder
     */
    public DvcqgAdapterClientBuilder sessionExpiredCodes(String... codes) {
        ValidationException.requireNonNull(codes, "DvcqgAdapterClient.sessionExpiredCodes");
        Set<String> s = new LinkedHashSet<>();
        for (String c : codes) {
            s.add(ValidationException.requireText(c, "DvcqgAdapterClient.sessionExpiredCodes").trim());
        }
        this.sessionExpiredCodes = s;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ValidationException naming every missing or wrong setting
     */
    public DvcqgAdapterClient build() {
        List<FieldError> errors = new ArrayList<>();
        if (settings.endpoint().isEmpty()) {
            errors.add(new FieldError("dvcqg.adapterUrl", "DvcqgAdapterClient.settings.endpoint",
                    "the settings' endpoint (adapter_url) is required"));
        }
        path(errors, authEndpoint, "authEndpoint");
        path(errors, integrationEndpoint, "integrationEndpoint");
        path(errors, shareEndpoint, "shareEndpoint");
        text(errors, username, "username");
        if (password == null) {
            errors.add(new FieldError("dvcqg.password", "DvcqgAdapterClient.password", "password is required"));
        }
        text(errors, madonvi, "madonvi");
        text(errors, dstcode, "dstcode");
        if (dstcode != null && !dstcode.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            errors.add(new FieldError("dvcqg.dstcode", "DvcqgAdapterClient.dstcode",
                    "dstcode must be visible ASCII characters (it is sent as a header)"));
        }
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            errors.add(new FieldError("dvcqg.sessionLifetime", "DvcqgAdapterClient.sessionLifetime",
                    "sessionLifetime must be positive"));
        }
        if (refreshBefore.isNegative()) {
            errors.add(new FieldError("dvcqg.refreshBefore", "DvcqgAdapterClient.refreshBefore",
                    "refreshBefore must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DvcqgAdapterClient(this);
    }

    private static void text(List<FieldError> errors, String value, String name) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("dvcqg." + name, "DvcqgAdapterClient." + name, name + " is required"));
        }
    }

    private static void path(List<FieldError> errors, String value, String name) {
        if (value == null || !value.startsWith("/") || value.contains("?") || value.contains("#")) {
            errors.add(new FieldError("dvcqg." + name, "DvcqgAdapterClient." + name,
                    name + " must be a path starting with / without query or fragment"));
        }
    }
}
