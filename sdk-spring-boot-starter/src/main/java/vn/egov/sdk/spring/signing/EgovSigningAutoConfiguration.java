package vn.egov.sdk.spring.signing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.remote.RemoteSignatureSource;
import vn.egov.sdk.signing.remote.SmartCaClient;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;
import vn.egov.sdk.spring.signing.internal.SigningConditions;
import vn.egov.sdk.spring.signing.internal.SigningKeyLoader;
import vn.egov.sdk.spring.signing.internal.TrustStoreLoader;

/**
 * Auto-configures keys and trust when sdk-signing is on the class path: binds {@link EgovSigningProperties}
 * ({@code egov.signing.*}) and makes, each only when configured and each replaced by a vendor's bean of the same
 * type, the {@link SigningKey} (PKCS#12, PEM or PKCS#11), the {@link TrustStore} and its
 * {@link PkixCertificateValidator}, and VNPT SmartCA's {@link SmartCaClient} with the signer's
 * {@link RemoteSignatureSource}. The signers and verifiers built on them come from
 * {@link EgovSignaturesAutoConfiguration}.
 *
 * <p>Start-up fails, naming the property, when a key or certificate file cannot be used: not the kind it should
 * be, a wrong password or PIN, a certificate that does not carry the key, a signing certificate expired or not
 * yet valid, a pinned root that matches no pin.
 */
@AutoConfiguration(after = EgovAxisAutoConfiguration.class)
@ConditionalOnClass(SigningKey.class)
@EnableConfigurationProperties(EgovSigningProperties.class)
public class EgovSigningAutoConfiguration {
    /** Created by Spring. */
    public EgovSigningAutoConfiguration() {
        // configuration class
    }

    /**
     * The signing key of {@code egov.signing.pkcs12}, {@code .pem} or {@code .pkcs11}.
     *
     * @param properties the bound (and validated) properties
     * @return the key, its certificate valid now
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(SigningConditions.KeyConfigured.class)
    public SigningKey egovSigningKey(EgovSigningProperties properties) {
        return SigningKeyLoader.load(properties, Clock.systemUTC());
    }

    /**
     * The roots of {@code egov.signing.trust}.
     *
     * @param properties the bound properties
     * @return the trust store
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(SigningConditions.TrustConfigured.class)
    public TrustStore egovTrustStore(EgovSigningProperties properties) {
        return TrustStoreLoader.load(properties.getTrust());
    }

    /**
     * The certificate validator every verifier uses: chains to the trust store, revocation by
     * {@code egov.signing.trust.revocation}.
     *
     * @param properties the bound properties
     * @param trust the trust store
     * @return the validator; Spring closes it (and its HTTP runtime) with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(CertificateValidator.class)
    @ConditionalOnBean(TrustStore.class)
    public PkixCertificateValidator egovCertificateValidator(EgovSigningProperties properties, TrustStore trust) {
        return PkixCertificateValidator.builder()
                .trustStore(trust)
                .revocationPolicy(properties.getTrust().getRevocation())
                .acceptSha1Certificates(properties.getTrust().isAcceptSha1Certificates())
                .build();
    }

    /**
     * The VNPT SmartCA client, from {@code egov.signing.smartca.*} (client name {@code smartca}).
     *
     * @param properties the bound properties
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.signing.smartca", name = "url")
    public SmartCaClient egovSmartCaClient(EgovSigningProperties properties,
            ObjectProvider<EgovClientCustomizer> customizers) {
        EgovSigningProperties.SmartCa s = properties.getSmartca();
        return SmartCaClient.builder()
                .settings(ClientSettingsFactory.settings("smartca", s, customizers))
                .spId(s.getSpId())
                .spPassword(s.getSpPassword())
                .build();
    }

    /**
     * The SmartCA signer {@code egov.signing.smartca.user-id} as a signature source: each signature waits for the
     * signer's confirmation in the SmartCA app (up to {@code confirm-timeout}). The starter's signers use it when
     * no local {@link SigningKey} is configured.
     *
     * @param properties the bound properties
     * @param smartCa the SmartCA client
     * @return the remote signature source (its certificate is fetched on first use)
     */
    @Bean
    @ConditionalOnMissingBean(RemoteSignatureSource.class)
    @ConditionalOnProperty(prefix = "egov.signing.smartca", name = "user-id")
    @ConditionalOnBean(SmartCaClient.class)
    public RemoteSignatureSource egovSmartCaSignatureSource(EgovSigningProperties properties,
            SmartCaClient smartCa) {
        EgovSigningProperties.SmartCa s = properties.getSmartca();
        List<X509Certificate> intermediates = new ArrayList<>();
        for (int i = 0; i < s.getIntermediates().size(); i++) {
            Path file = s.getIntermediates().get(i);
            intermediates.addAll(TrustStoreLoader.certificates(file, "egov.signing.smartca.intermediates[" + i + "]"));
        }
        RemoteSignatureSource.Builder b = RemoteSignatureSource.builder(smartCa, s.getUserId())
                .intermediates(intermediates)
                .pollInterval(s.getPollInterval())
                .deadline(s.getConfirmTimeout());
        if (s.getCertificateSerial() != null) {
            b.certificateSerial(s.getCertificateSerial());
        }
        return b.build();
    }
}
