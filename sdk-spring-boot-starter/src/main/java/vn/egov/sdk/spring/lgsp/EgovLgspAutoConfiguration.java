package vn.egov.sdk.spring.lgsp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;

/**
 * Auto-configures the provincial document axis (LGSP v1): binds {@link EgovLgspProperties} ({@code egov.lgsp.*})
 * and, only when {@code egov.lgsp.url} is set, an {@link LgspAxisClient} bean (client name {@code lgsp} for the
 * {@link EgovClientCustomizer}s), closed with the context. A vendor's own {@code LgspAxisClient} bean replaces it.
 * The provincial receive loop is {@link EgovLgspReceiveAutoConfiguration}'s.
 */
@AutoConfiguration(after = EgovAxisAutoConfiguration.class)
@ConditionalOnClass(LgspAxisClient.class)
@EnableConfigurationProperties(EgovLgspProperties.class)
public class EgovLgspAutoConfiguration {
    /** Created by Spring. */
    public EgovLgspAutoConfiguration() {
        // configuration class
    }

    /**
     * The provincial axis client, configured from {@code egov.lgsp.*}.
     *
     * @param properties the bound (and validated) properties
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.lgsp", name = "url")
    public LgspAxisClient egovLgspClient(EgovLgspProperties properties,
            ObjectProvider<EgovClientCustomizer> customizers) {
        return LgspAxisClient.builder()
                .settings(ClientSettingsFactory.settings("lgsp", properties.getUrl(), properties.getConnectTimeout(),
                        properties.getReadTimeout(), properties.getDeadline(), customizers))
                .login(properties.getUsername(), properties.getPassword(), properties.getApplicationCode())
                .system(properties.getSystemId(), properties.getSecretKey())
                .lookBack(properties.getLookBack())
                .build();
    }
}
