package vn.egov.sdk.spring.payment;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.Reconciler;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClientBuilder;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClientBuilder;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.payment.paygov.PayGovClientBuilder;
import vn.egov.sdk.payment.paygov.PayGovResultVerifier;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.internal.ClientSettingsFactory;
import vn.egov.sdk.spring.payment.internal.AnyPaymentSystemConfigured;
import vn.egov.sdk.spring.payment.internal.ListenerEffect;

/**
 * Auto-configures the national payment systems when sdk-payment is on the class path: binds
 * {@link EgovPaymentProperties} ({@code egov.payment.*}), gives a {@link PaymentStore} when the application has
 * none (an {@link InMemoryPaymentStore}, single-node, with a warning; sdk-jdbc's store is chosen first when a
 * {@code DataSource} exists), and a client per system whose {@code url} is set: {@link DvcqgPaymentPlatformClient}
 * ({@code egov.payment.dvcqg.url}), {@link PayGovClient} ({@code egov.payment.paygov.url}) and
 * {@link KeypayDvcqgClient} ({@code egov.payment.keypay.url}), all on the one store. An application's own bean of
 * a client's type, or its own store, replaces the starter's.
 */
@AutoConfiguration(afterName = "vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration")
@ConditionalOnClass(PaymentGateway.class)
@EnableConfigurationProperties(EgovPaymentProperties.class)
public class EgovPaymentAutoConfiguration {
    /** The name of the {@link AuthStrategy} bean the PayGov client reaches its LGSP with. */
    public static final String PAYGOV_AUTH_BEAN = "egovPayGovAuth";

    private static final Logger LOG = LoggerFactory.getLogger(EgovPaymentAutoConfiguration.class);

    /** Created by Spring. */
    public EgovPaymentAutoConfiguration() {
        // configuration class
    }

    /**
     * The in-memory payment store, when a payment system is configured and the application defines no
     * {@link PaymentStore}.
     *
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(PaymentStore.class)
    @Conditional(AnyPaymentSystemConfigured.class)
    public InMemoryPaymentStore egovPaymentStore() {
        LOG.warn("egov payments are kept in memory (InMemoryPaymentStore): they are lost on restart and a callback "
                + "is applied once only within this JVM. Several application nodes need a shared store: add sdk-jdbc "
                + "and a DataSource, or define a PaymentStore bean.");
        return new InMemoryPaymentStore();
    }

    /**
     * The DVCQG payment platform's client, configured from {@code egov.payment.dvcqg.*}.
     *
     * @param properties the bound (and validated) properties
     * @param store the payment store
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.payment.dvcqg", name = "url")
    public DvcqgPaymentPlatformClient egovDvcqgPaymentClient(EgovPaymentProperties properties, PaymentStore store,
            ObjectProvider<EgovClientCustomizer> customizers) {
        EgovPaymentProperties.Dvcqg p = properties.getDvcqg();
        DvcqgPaymentPlatformClientBuilder b = DvcqgPaymentPlatformClient.builder()
                .settings(ClientSettingsFactory.settings("payment-dvcqg", p, customizers))
                .merchant(p.getMerchantCode(), p.getHashKey())
                .store(store);
        if (p.getMaxAmount() != null) {
            b.amountCap(p.getMaxAmount());
        }
        if (p.getMerchantIp() != null) {
            b.merchantIp(p.getMerchantIp());
        }
        return b.build();
    }

    /**
     * PayGov's client, configured from {@code egov.payment.paygov.*}. It reaches PayGov through a provincial LGSP
     * with the application's {@link AuthStrategy} bean named {@value #PAYGOV_AUTH_BEAN}, and verifies result
     * callbacks with the application's {@link PayGovResultVerifier} bean, or with the SDK's inferred checksum when
     * {@code egov.payment.paygov.inferred-result-verifier=true}.
     *
     * @param properties the bound (and validated) properties
     * @param store the payment store
     * @param auth the LGSP credentials, bean {@value #PAYGOV_AUTH_BEAN}
     * @param verifier the application's result verifier, if any
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     * @throws ValidationException naming {@code egov.payment.paygov.inferred-result-verifier} when no verifier is
     *     given, or the missing auth bean
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.payment.paygov", name = "url")
    public PayGovClient egovPayGovClient(EgovPaymentProperties properties, PaymentStore store,
            @Qualifier(PAYGOV_AUTH_BEAN) ObjectProvider<AuthStrategy> auth,
            ObjectProvider<PayGovResultVerifier> verifier, ObjectProvider<EgovClientCustomizer> customizers) {
        EgovPaymentProperties.PayGov p = properties.getPaygov();
        AuthStrategy lgsp = auth.getIfUnique();
        if (lgsp == null) {
            throw ValidationException.of("required", "egov.payment.paygov.url",
                    "egov.payment.paygov.url is set but no AuthStrategy bean named '" + PAYGOV_AUTH_BEAN + "' is "
                            + "defined: PayGov is reached through a provincial LGSP, whose credentials that bean adds");
        }
        PayGovClientBuilder b = PayGovClient.builder()
                .settings(ClientSettingsFactory.settings("payment-paygov", p, customizers))
                .auth(lgsp)
                .variant(p.getVariant())
                .partner(p.getPartnerCode(), p.getAccessKey(), p.getSecretKey())
                .unitCode(p.getUnitCode())
                .store(store);
        PayGovResultVerifier own = verifier.getIfUnique();
        if (own != null) {
            b.resultVerifier(own);
        } else if (p.isInferredResultVerifier()) {
            b.inferredResultVerifier();
        } else {
            throw ValidationException.of("required", "egov.payment.paygov.inferred-result-verifier",
                    "PayGov's result checksum is not public: define a PayGovResultVerifier bean, or set "
                            + "egov.payment.paygov.inferred-result-verifier=true to use the SDK's inferred one");
        }
        if (p.getServiceCode() != null) {
            b.serviceCode(p.getServiceCode());
        }
        if (p.getAccountPay() != null) {
            b.accountPay(p.getAccountPay());
        }
        if (p.getReturnUrl() != null) {
            b.returnUrl(p.getReturnUrl());
        }
        if (p.getQueryUrl() != null) {
            b.urlQuery(p.getQueryUrl());
        }
        if (p.getMaxAmount() != null) {
            b.amountCap(p.getMaxAmount());
        }
        return b.build();
    }

    /**
     * Keypay DVCQG's client, configured from {@code egov.payment.keypay.*}.
     *
     * @param properties the bound (and validated) properties
     * @param store the payment store
     * @param customizers the application's {@link EgovClientCustomizer}s, applied in order
     * @return the client; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.payment.keypay", name = "url")
    public KeypayDvcqgClient egovKeypayClient(EgovPaymentProperties properties, PaymentStore store,
            ObjectProvider<EgovClientCustomizer> customizers) {
        EgovPaymentProperties.Keypay p = properties.getKeypay();
        KeypayDvcqgClientBuilder b = KeypayDvcqgClient.builder()
                .settings(ClientSettingsFactory.settings("payment-keypay", p, customizers))
                .credentials(p.getClientId(), p.getHashKey1(), p.getHashKey2())
                .store(store);
        if (p.getMaxAmount() != null) {
            b.maxAmount(p.getMaxAmount());
        }
        return b.build();
    }

    /**
     * The reconciler, when {@code egov.payment.reconcile.enabled=true}: one {@link Reconciler} per payment system
     * bean that can be asked about a payment (PayGov only with {@code egov.payment.paygov.query-url}, since PayGov
     * publishes no status query), with the application's {@link PaymentResultListener}s as the effect.
     *
     * @param properties the bound properties
     * @param gateways the payment system clients
     * @param listeners the application's listeners, in their order
     * @return the lifecycle, started and stopped with the context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "egov.payment.reconcile", name = "enabled", havingValue = "true")
    public PaymentReconciliation egovPaymentReconciliation(EgovPaymentProperties properties,
            ObjectProvider<PaymentGateway> gateways, ObjectProvider<PaymentResultListener> listeners) {
        EgovPaymentProperties.Reconcile settings = properties.getReconcile();
        List<PaymentResultListener> ordered = listeners.orderedStream().toList();
        List<Reconciler> reconcilers = new ArrayList<>();
        gateways.orderedStream().forEach(gateway -> {
            if (gateway.system() == PaymentSystem.PAYGOV && properties.getPaygov().getQueryUrl() == null) {
                LOG.info("egov payment reconciliation leaves PayGov out: it publishes no status query "
                        + "(set egov.payment.paygov.query-url if the LGSP offers one)");
                return;
            }
            reconcilers.add(Reconciler.builder().gateway(gateway)
                    .effect(ListenerEffect.of(gateway.system(), ordered))
                    .window(settings.getOldest(), settings.getYoungest())
                    .build());
        });
        return new PaymentReconciliation(reconcilers, settings.getInterval());
    }
}
