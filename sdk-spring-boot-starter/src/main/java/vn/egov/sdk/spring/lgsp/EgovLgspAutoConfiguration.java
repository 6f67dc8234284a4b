package vn.egov.sdk.spring.lgsp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.LgspAxisClientBuilder;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;

/**
 * Auto-configures the provincial document axis (LGSP v1): binds {@link EgovLgspProperties} ({@code egov.lgsp.*})
 * and, only when {@code egov.lgsp.url} is set, an {@link LgspAxisClient} bean (client name {@code lgsp} for the
 * {@link EgovClientCustomizer}s), closed with the context. A vendor's own {@code LgspAxisClient} bean replaces it.
 * The provincial receive loop is {@link EgovLgspReceiveAutoConfiguration}'s. With a {@link DocumentSigner} bean
 * (sdk-signing's edXML signer, from {@code egov.signing.*}) every package it sends is signed; with a
 * {@link SignatureVerifier} bean every package it fetches is verified.
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
     * @param signer signs every package sent, when there is one
     * @param verifier verifies every package fetched, when there is one
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.lgsp", name = "url")
    public LgspAxisClient egovLgspClient(EgovLgspProperties properties,
            ObjectProvider<EgovClientCustomizer> customizers, ObjectProvider<DocumentSigner> signer,
            ObjectProvider<SignatureVerifier> verifier) {
        LgspAxisClientBuilder builder = LgspAxisClient.builder()
                .settings(ClientSettingsFactory.settings("lgsp", properties, customizers))
                .login(properties.getUsername(), properties.getPassword(), properties.getApplicationCode())
                .system(properties.getSystemId(), properties.getSecretKey())
                .lookBack(properties.getLookBack());
        signer.ifUnique(builder::signer);
        verifier.ifUnique(builder::verifier);
        return builder.build();
    }
}
