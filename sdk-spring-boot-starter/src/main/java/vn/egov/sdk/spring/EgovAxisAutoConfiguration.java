package vn.egov.sdk.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClientBuilder;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;
import vn.egov.sdk.spring.internal.StringToSecretConverter;

/**
 * Auto-configures the national document axis: binds {@link EgovProperties} ({@code egov.*}) and, only when
 * {@code egov.axis.url} is set, a {@link VdxpAxisClient} bean for this system, closed with the context. A vendor's
 * own {@code VdxpAxisClient} bean replaces it. With a {@link DocumentSigner} bean (sdk-signing's edXML signer, from
 * {@code egov.signing.*}) every package it sends is signed; with a {@link SignatureVerifier} bean every package it
 * fetches is verified.
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
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @param signer signs every package sent, when there is one
     * @param verifier verifies every package fetched, when there is one
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.axis", name = "url")
    public VdxpAxisClient egovAxisClient(EgovProperties properties,
            ObjectProvider<EgovClientCustomizer> customizers, ObjectProvider<DocumentSigner> signer,
            ObjectProvider<SignatureVerifier> verifier) {
        EgovProperties.Axis axis = properties.getAxis();
        VdxpAxisClientBuilder builder = VdxpAxisClient.builder()
                .settings(ClientSettingsFactory.settings("axis", axis, customizers))
                .systemId(axis.getSystemId())
                .secret(axis.getSecret());
        signer.ifUnique(builder::signer);
        verifier.ifUnique(builder::verifier);
        return builder.build();
    }
}
