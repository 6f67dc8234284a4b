package vn.egov.sdk.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.auth.LgspAccessToken;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * What PayGov ({@code --system paygov}) needs besides the partner code and secret key: its access key, service and
 * unit codes, and the provincial LGSP it is reached through (the {@code lgspaccesstoken} header, and a bearer token
 * from the LGSP's OAuth2 token endpoint when a client id is given). Secrets are never printed.
 */
public final class PayGovOptions {
    /** The environment variable read for the LGSP secret key when {@code --lgsp-secret-key} is not given. */
    static final String LGSP_SECRET_VARIABLE = "EGOV_LGSP_SECRET_KEY";
    /** The environment variable read for the LGSP client secret when {@code --lgsp-client-secret} is not given. */
    static final String LGSP_CLIENT_SECRET_VARIABLE = "EGOV_LGSP_CLIENT_SECRET";

    @Option(names = "--access-key", paramLabel = "KEY", description = "PayGov: the partner's accessKey.")
    String accessKey;

    @Option(names = "--service-code", paramLabel = "CODE", description = "PayGov: the serviceCode.")
    String serviceCode;

    @Option(names = "--unit-code", paramLabel = "CODE", description = "PayGov: the collecting unit's code.")
    String unitCode;

    @Option(names = "--query-path", paramLabel = "PATH",
            description = "PayGov: the LGSP's status query, a path under --url or a URL (PayGov publishes none; the "
                    + "sandbox's is /PayGov/Query). Without it, pay status refuses.")
    String queryPath;

    @Option(names = "--lgsp-access-key", paramLabel = "KEY",
            description = "PayGov: the LGSP's AccessKey (lgspaccesstoken header).")
    String lgspAccessKey;

    @Option(names = "--lgsp-secret-key", paramLabel = "KEY",
            description = "PayGov: the LGSP's SecretKey; better from " + LGSP_SECRET_VARIABLE + ". Never printed.")
    String lgspSecretKey;

    @Option(names = "--lgsp-app", paramLabel = "NAME", defaultValue = "PAYGOV",
            description = "PayGov: the LGSP AppName (default ${DEFAULT-VALUE}).")
    String lgspApp;

    @Option(names = "--lgsp-token-url", paramLabel = "URL",
            description = "PayGov: the LGSP's OAuth2 token endpoint, for a bearer token (client credentials).")
    String lgspTokenUrl;

    @Option(names = "--lgsp-client-id", paramLabel = "ID", description = "PayGov: the LGSP OAuth2 client id.")
    String lgspClientId;

    @Option(names = "--lgsp-client-secret", paramLabel = "SECRET",
            description = "PayGov: the LGSP OAuth2 client secret; better from " + LGSP_CLIENT_SECRET_VARIABLE
                    + ". Never printed.")
    String lgspClientSecret;

    private final UnaryOperator<String> environment = System::getenv;

    /** Options as picocli fills them. */
    public PayGovOptions() {
    }

    /**
     * The LGSP credentials: the {@code lgspaccesstoken} header, after a bearer token when a client id is given.
     *
     * @return the strategy
     * @throws MissingSecretException when a secret is given neither way
     * @throws ValidationException naming every missing option, or a malformed setting
     */
    AuthStrategy auth() {
        List<FieldError> missing = new ArrayList<>();
        require(missing, accessKey, "--access-key", "PayGov's accessKey");
        require(missing, serviceCode, "--service-code", "PayGov's serviceCode");
        require(missing, unitCode, "--unit-code", "the collecting unit's code");
        require(missing, lgspAccessKey, "--lgsp-access-key", "the LGSP's AccessKey");
        if (lgspClientId != null) {
            require(missing, lgspTokenUrl, "--lgsp-token-url", "the LGSP's token endpoint (with --lgsp-client-id)");
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        LgspAccessToken header = LgspAccessToken.builder().accessKey(lgspAccessKey)
                .secretKey(secret(lgspSecretKey, LGSP_SECRET_VARIABLE, "--lgsp-secret-key")).appName(lgspApp)
                .build();
        if (lgspClientId == null) {
            return header;
        }
        OAuth2ClientCredentials bearer = OAuth2ClientCredentials.builder().tokenUrl(lgspTokenUrl)
                .clientId(lgspClientId)
                .clientSecret(secret(lgspClientSecret, LGSP_CLIENT_SECRET_VARIABLE, "--lgsp-client-secret")).build();
        return new AuthStrategy() {
            @Override
            public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
                return header.authenticate(bearer.authenticate(request, transport), transport);
            }

            @Override
            public boolean onUnauthorized(ApiRequest rejected) {
                return bearer.onUnauthorized(rejected);
            }
        };
    }

    private static void require(List<FieldError> missing, String value, String option, String what) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldError("required", option, option + " (" + what + ") is required with --system "
                    + "paygov"));
        }
    }

    private Secret secret(String given, String variable, String option) {
        return SecretOption.require(given, variable, environment,
                () -> "no LGSP secret for PayGov: give " + option + " or set " + variable);
    }
}
