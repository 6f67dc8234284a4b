package vn.egov.sdk.cli.internal;

import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;

/** Where the national axis (VDXP) is and who calls it; the secret is never printed. */
public final class AxisOptions {
    /** The environment variable read for the secret when {@code --secret} is not given. */
    static final String SECRET_VARIABLE = "EGOV_AXIS_SECRET";

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The national axis (VDXP) endpoint, e.g. http://127.0.0.1:8080/vdxp for the sandbox.")
    String url;

    @Option(names = "--system", required = true, paramLabel = "ID", description = "The calling system's id.")
    String system;

    @Option(names = "--secret", paramLabel = "SECRET",
            description = "The system's secret; better from the environment variable " + SECRET_VARIABLE
                    + " (a command line is visible to other users of the machine). Never printed.")
    String secret;

    private final UnaryOperator<String> environment = System::getenv;

    /** Options as picocli fills them. */
    public AxisOptions() {
    }

    /**
     * A client for these options.
     *
     * @return the client; the caller closes it
     * @throws MissingSecretException if no secret was given either way
     * @throws vn.egov.sdk.core.ValidationException if the URL or the system id is malformed
     */
    VdxpAxisClient client() {
        return client(null);
    }

    /**
     * A client for these options that sends with copies of an OkHttp client (for progress).
     *
     * @param http the OkHttp client, or {@code null} for the SDK's own
     * @return the client; the caller closes it
     * @throws MissingSecretException if no secret was given either way
     * @throws vn.egov.sdk.core.ValidationException if the URL or the system id is malformed
     */
    VdxpAxisClient client(okhttp3.OkHttpClient http) {
        Secret value = SecretOption.require(secret, SECRET_VARIABLE, environment,
                () -> "no secret for system " + system + ": give --secret or set " + SECRET_VARIABLE);
        ClientSettingsBuilder settings = ClientSettings.builder().endpoint(url);
        if (http != null) {
            settings.okHttpClient(http);
        }
        return VdxpAxisClient.builder().settings(settings.build()).systemId(system).secret(value).build();
    }
}
