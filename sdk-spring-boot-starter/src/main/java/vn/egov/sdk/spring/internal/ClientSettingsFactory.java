package vn.egov.sdk.spring.internal;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.spring.EgovClientCustomizer;

/** Builds a client's {@link ClientSettings} from its {@code egov.*} endpoint and timeouts, then the customizers. */
public final class ClientSettingsFactory {
    private ClientSettingsFactory() {
    }

    /**
     * The settings of one client.
     *
     * @param client the client's name, passed to the customizers
     * @param url the endpoint
     * @param connectTimeout the connect timeout, or {@code null} for the SDK's default
     * @param readTimeout the read timeout, or {@code null} for the SDK's default
     * @param deadline the whole call's deadline, or {@code null} for the SDK's default
     * @param customizers the application's customizers, applied in their order
     * @return the settings
     */
    public static ClientSettings settings(String client, String url, Duration connectTimeout, Duration readTimeout,
            Duration deadline, ObjectProvider<EgovClientCustomizer> customizers) {
        ClientSettingsBuilder settings = ClientSettings.builder().endpoint(url);
        if (connectTimeout != null) {
            settings.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            settings.readTimeout(readTimeout);
        }
        if (deadline != null) {
            settings.deadline(deadline);
        }
        customizers.orderedStream().forEach(c -> c.customize(client, settings));
        return settings.build();
    }
}
