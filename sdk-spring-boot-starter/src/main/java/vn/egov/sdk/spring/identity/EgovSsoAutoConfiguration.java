package vn.egov.sdk.spring.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdentityPolicy;
import vn.egov.sdk.identity.InMemoryPendingLoginStore;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.identity.ReturnPathPolicy;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.identity.internal.SsoClientFactory;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;
import vn.egov.sdk.spring.internal.StringToSecretConverter;

/**
 * Auto-configures the national SSO login: binds {@link EgovSsoProperties} ({@code egov.sso.*}) and, only when
 * {@code egov.sso.client-id} is set, a {@link DvcqgOidcClient} bean (client name {@code sso} for the
 * {@link EgovClientCustomizer}s), closed with the context, and an {@link InMemoryPendingLoginStore} when the
 * application (or the starter's JDBC part, with a {@code DataSource}) defines no {@link PendingLoginStore}.
 *
 * <p>An application's own {@code DvcqgOidcClient} or {@code PendingLoginStore} bean replaces the starter's; an
 * {@link IdentityPolicy} bean replaces the one made from {@code egov.sso.minimum-ial}, and a
 * {@link ReturnPathPolicy} bean the default (relative paths only). With Spring Security, apply
 * {@link EgovSsoConfigurer} to the application's filter chain.
 */
@AutoConfiguration(afterName = "vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration")
@ConditionalOnClass(DvcqgOidcClient.class)
@EnableConfigurationProperties(EgovSsoProperties.class)
public class EgovSsoAutoConfiguration {
    /** Created by Spring. */
    public EgovSsoAutoConfiguration() {
        // configuration class
    }

    /**
     * Binds {@code egov.sso.client-secret} from text to {@link vn.egov.sdk.core.Secret} (also when the axis part
     * is left out).
     *
     * @return the converter
     */
    @Bean
    @ConfigurationPropertiesBinding
    public static StringToSecretConverter egovSsoSecretConverter() {
        return new StringToSecretConverter();
    }

    /**
     * Where started logins wait for their callback: this JVM's memory ({@code egov.sso.pending-login-ttl}), right
     * for one node or several with sticky sessions.
     *
     * @param properties the bound properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.sso", name = "client-id")
    public PendingLoginStore egovPendingLoginStore(EgovSsoProperties properties) {
        return InMemoryPendingLoginStore.builder().ttl(properties.getPendingLoginTtl()).build();
    }

    /**
     * The login client, configured from {@code egov.sso.*}; with neither a preset nor the endpoints, the issuer's
     * discovery document is read now.
     *
     * @param properties the bound (and validated) properties
     * @param store the pending-login store
     * @param identityPolicy the application's identity policy, if it defines one
     * @param returnPaths the application's return-path allow-list, if it defines one
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.sso", name = "client-id")
    public DvcqgOidcClient egovSsoClient(EgovSsoProperties properties, PendingLoginStore store,
            ObjectProvider<IdentityPolicy> identityPolicy, ObjectProvider<ReturnPathPolicy> returnPaths,
            ObjectProvider<EgovClientCustomizer> customizers) {
        return SsoClientFactory.client(properties,
                ClientSettingsFactory.settings("sso", SsoClientFactory.baseUrl(properties), properties,
                        customizers),
                store, identityPolicy.getIfAvailable(), returnPaths.getIfAvailable());
    }
}
