package vn.egov.sdk.spring.internal;

import org.springframework.beans.factory.ObjectProvider;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.EgovClientProperties;
import vn.egov.sdk.spring.EgovClientTimeouts;

/** Builds a client's {@link ClientSettings} from its {@code egov.*} endpoint and timeouts, then the customizers. */
public final class ClientSettingsFactory {
    private ClientSettingsFactory() {
    }

    /**
     * The settings of one client, from its section.
     *
     * @param client the client's name, passed to the customizers
     * @param section the client's section: its URL and timeouts
     * @param customizers the application's customizers, applied in their order
     * @return the settings
     */
    public static ClientSettings settings(String client, EgovClientProperties section,
            ObjectProvider<EgovClientCustomizer> customizers) {
        return settings(client, section.getUrl(), section, customizers);
    }

    /**
     * The settings of one client whose endpoint is not its section's {@code url} (e.g. found from an issuer).
     *
     * @param client the client's name, passed to the customizers
     * @param url the endpoint
     * @param timeouts the client's timeouts, each {@code null} for the SDK's default
     * @param customizers the application's customizers, applied in their order
     * @return the settings
     */
    public static ClientSettings settings(String client, String url, EgovClientTimeouts timeouts,
            ObjectProvider<EgovClientCustomizer> customizers) {
        ClientSettingsBuilder settings = ClientSettings.builder().endpoint(url);
        if (timeouts.getConnectTimeout() != null) {
            settings.connectTimeout(timeouts.getConnectTimeout());
        }
        if (timeouts.getReadTimeout() != null) {
            settings.readTimeout(timeouts.getReadTimeout());
        }
        if (timeouts.getDeadline() != null) {
            settings.deadline(timeouts.getDeadline());
        }
        customizers.orderedStream().forEach(c -> c.customize(client, settings));
        return settings.build();
    }
}
