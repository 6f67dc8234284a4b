package vn.egov.sdk.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.spring.internal.StringToSecretConverter;

/**
 * Auto-configures the national document axis: binds {@link EgovProperties} ({@code egov.*}) and, only when
 * {@code egov.axis.url} is set, a {@link VdxpAxisClient} bean for this system, closed with the context. A vendor's
 * own {@code VdxpAxisClient} bean replaces it.
 */
@AutoConfiguration
@ConditionalOnClass(VdxpAxisClient.class)
@EnableConfigurationProperties(EgovProperties.class)
public class EgovAxisAutoConfiguration {
    /** Created by Spring. */
    public EgovAxisAutoConfiguration() {
        // configuration class
    }

    /**
     * Binds {@code egov.*.secret} properties from text to {@link vn.egov.sdk.core.Secret}.
     *
     * @return the converter
     */
    @Bean
    @ConfigurationPropertiesBinding
    public static StringToSecretConverter egovSecretConverter() {
        return new StringToSecretConverter();
    }

    /**
     * The national axis client, configured from {@code egov.axis.*}.
     *
     * @param properties the bound (and validated) properties
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.axis", name = "url")
    public VdxpAxisClient egovAxisClient(EgovProperties properties) {
        EgovProperties.Axis axis = properties.getAxis();
        ClientSettingsBuilder settings = ClientSettings.builder().endpoint(axis.getUrl());
        if (axis.getConnectTimeout() != null) {
            settings.connectTimeout(axis.getConnectTimeout());
        }
        if (axis.getReadTimeout() != null) {
            settings.readTimeout(axis.getReadTimeout());
        }
        if (axis.getDeadline() != null) {
            settings.deadline(axis.getDeadline());
        }
        return VdxpAxisClient.builder()
                .settings(settings.build())
                .systemId(axis.getSystemId())
                .secret(axis.getSecret())
                .build();
    }
}
