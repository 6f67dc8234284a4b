package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentProperties;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.PayGovSandbox;

@ExtendWith({NationalSandboxExtension.class, OutputCaptureExtension.class})
class EgovPaymentAutoConfigurationTest {
    private static final String SECRET = "pay-s3cr3t-never-printed-9Z";

    private static ApplicationContextRunner runner() {
        return StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovPaymentAutoConfiguration.class));
    }

    static String[] dvcqg(NationalSandbox sandbox) {
        return new String[] {"egov.payment.dvcqg.url=" + sandbox.dvcqgPayUrl(),
            "egov.payment.dvcqg.merchant-code=" + DvcqgPaySandbox.MERCHANT_CODE,
            "egov.payment.dvcqg.hash-key=" + DvcqgPaySandbox.SECRET, "egov.payment.dvcqg.merchant-ip=10.0.0.5",
            "egov.payment.dvcqg.read-timeout=5s"};
    }

    static String[] keypay(NationalSandbox sandbox) {
        return new String[] {"egov.payment.keypay.url=" + sandbox.keypay().url(),
            "egov.payment.keypay.client-id=" + KeypaySandbox.CLIENT_ID,
            "egov.payment.keypay.hash-key1=" + KeypaySandbox.HASH_KEY_1,
            "egov.payment.keypay.hash-key2=" + KeypaySandbox.HASH_KEY_2};
    }

    static String[] paygov(NationalSandbox sandbox) {
        return paygov(sandbox.payGov().baseUrl());
    }

    static String[] paygov(String url) {
        return new String[] {"egov.payment.paygov.url=" + url,
            "egov.payment.paygov.partner-code=" + PayGovSandbox.PARTNER_CODE,
            "egov.payment.paygov.access-key=" + PayGovSandbox.ACCESS_KEY,
            "egov.payment.paygov.secret-key=" + PayGovSandbox.SECRET_KEY,
            "egov.payment.paygov.service-code=" + PayGovSandbox.SERVICE_CODE,
            "egov.payment.paygov.unit-code=000.00.15.H12",
            "egov.payment.paygov.return-url=https://dichvucong.example.gov.vn/paygov/return",
            "egov.payment.paygov.inferred-result-verifier=true"};
    }

    private static String failure(String... properties) {
        String[] out = new String[1];
        runner().withPropertyValues(properties).run(context -> {
            assertNotNull(context.getStartupFailure(), "start-up must fail");
            out[0] = StarterTestSupport.messages(context.getStartupFailure());
        });
        return out[0];
    }

    @Test
    void nothingWithoutUrlNotEvenTheStoreOrItsWarning(CapturedOutput output) {
        runner().run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(PaymentGateway.class).length);
            assertEquals(0, context.getBeanNamesForType(PaymentStore.class).length);
        });
        assertFalse(output.getAll().contains("egov payments are kept in memory"), output.getAll());
    }

    @Test
    void oneConfiguredSystemBringsTheInMemoryStoreWithAWarning(NationalSandbox sandbox, CapturedOutput output) {
        runner().withPropertyValues(keypay(sandbox)).run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertTrue(context.getBean(PaymentStore.class) instanceof InMemoryPaymentStore);
        });
        assertTrue(output.getAll().contains("egov payments are kept in memory (InMemoryPaymentStore)"),
                output.getAll());
    }

    @Test
    void eachConfiguredSystemGetsAClientOnTheOneStoreThatPaysThroughTheSandbox(NationalSandbox sandbox) {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner().withPropertyValues(dvcqg(sandbox)).withPropertyValues(keypay(sandbox))
                .withPropertyValues(paygov(sandbox))
                .withBean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN, AuthStrategy.class,
                        () -> sandbox.payGov().lgspAuth())
                .withBean("audit", EgovClientCustomizer.class, () -> (client, settings) -> settings.addInterceptor(
                        new HttpInterceptor() {
                            @Override
                            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext attempt) {
                                seen.add(client);
                                return request;
                            }
                        }))
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    PaymentStore store = context.getBean(PaymentStore.class);
                    PaymentStart d = context.getBean(DvcqgPaymentPlatformClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0001", 150_000, "Lệ phí cấp phép"));
                    PaymentStart k = context.getBean(KeypayDvcqgClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0002", 20_000, "Lệ phí hồ sơ"));
                    PaymentStart p = context.getBean(PayGovClient.class)
                            .create(PaymentOrder.of("H12.22-261207-0003", 30_000, "Lệ phí"));
                    assertEquals("PENDING", sandbox.dvcqgPay().transaction(d.reference()).orElseThrow().state());
                    assertEquals(1, sandbox.keypay().transactions().size());
                    assertEquals(java.util.Optional.of("PENDING"), sandbox.payGov().state(p.reference()));
                    for (PaymentGateway g : context.getBeansOfType(PaymentGateway.class).values()) {
                        assertSame(store, g.store());
                    }
                    assertTrue(store.find(k.system(), k.reference()).isPresent());
                    assertTrue(seen.containsAll(List.of("payment-dvcqg", "payment-keypay", "payment-paygov")),
                            seen.toString());
                });
    }

    @Test
    void vendorsOwnStoreAndClientWin(NationalSandbox sandbox) {
        InMemoryPaymentStore own = new InMemoryPaymentStore();
        runner().withPropertyValues(dvcqg(sandbox)).withPropertyValues(keypay(sandbox))
                .withBean("vendorStore", PaymentStore.class, () -> own)
                .withBean("vendorKeypay", KeypayDvcqgClient.class, () -> KeypayDvcqgClient.builder()
                        .settings(ClientSettings.builder().endpoint(sandbox.keypay().url()).build())
                        .credentials(KeypaySandbox.CLIENT_ID, Secret.of(KeypaySandbox.HASH_KEY_1),
                                Secret.of(KeypaySandbox.HASH_KEY_2)).build())
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertSame(own, context.getBean(PaymentStore.class));
                    assertSame(own, context.getBean(DvcqgPaymentPlatformClient.class).store());
                    assertSame(context.getBean("vendorKeypay"), context.getBean(KeypayDvcqgClient.class));
                    assertFalse(context.containsBean("egovPaymentStore"));
                });
    }

    @Test
    void keysBindFromTheEnvironment(NationalSandbox sandbox) {
        runner().withInitializer(EnvironmentSecret.of("EGOV_PAYMENT_DVCQG_HASH_KEY", DvcqgPaySandbox.SECRET))
                .withPropertyValues("egov.payment.dvcqg.url=" + sandbox.dvcqgPayUrl(),
                        "egov.payment.dvcqg.merchant-code=" + DvcqgPaySandbox.MERCHANT_CODE)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertTrue(context.getBean(EgovPaymentProperties.class).getDvcqg().getHashKey()
                            .matches(DvcqgPaySandbox.SECRET));
                    // the platform accepts the INIT only with the right checksum secret
                    context.getBean(DvcqgPaymentPlatformClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0009", 10_000, "Lệ phí"));
                });
        runner().withInitializer(EnvironmentSecret.of("EGOV_PAYMENT_KEYPAY_HASH_KEY1", KeypaySandbox.HASH_KEY_1))
                .withPropertyValues("egov.payment.keypay.url=" + sandbox.keypay().url(),
                        "egov.payment.keypay.client-id=" + KeypaySandbox.CLIENT_ID,
                        "egov.payment.keypay.hash-key2=" + KeypaySandbox.HASH_KEY_2)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertTrue(context.getBean(EgovPaymentProperties.class).getKeypay().getHashKey1()
                            .matches(KeypaySandbox.HASH_KEY_1));
                });
    }

    @Test
    void missingCredentialsAreNamedWithTheVariableToBindFrom() {
        String m = failure("egov.payment.dvcqg.url=https://pay.example.gov.vn",
                "egov.payment.keypay.url=https://keypay.example.vn", "egov.payment.keypay.hash-key1=",
                "egov.payment.paygov.url=https://lgsp.example.gov.vn");
        assertTrue(m.contains("egov.payment.dvcqg.merchant-code is required when egov.payment.dvcqg.url is set"), m);
        assertTrue(m.contains("egov.payment.dvcqg.hash-key is required when egov.payment.dvcqg.url is set (bind it "
                + "from EGOV_PAYMENT_DVCQG_HASH_KEY)"), m);
        assertTrue(m.contains("egov.payment.keypay.client-id is required when egov.payment.keypay.url is set"), m);
        assertTrue(m.contains("egov.payment.keypay.hash-key1 is required when egov.payment.keypay.url is set (bind "
                + "it from EGOV_PAYMENT_KEYPAY_HASH_KEY1)"), m);
        assertTrue(m.contains("egov.payment.keypay.hash-key2 is required"), m);
        assertTrue(m.contains("egov.payment.paygov.secret-key is required when egov.payment.paygov.url is set"), m);
        assertTrue(m.contains("egov.payment.paygov.access-key is required when egov.payment.paygov.variant=STANDARD"),
                m);
        assertTrue(m.contains("egov.payment.paygov.unit-code is required"), m);
    }

    @Test
    void brokenValuesAreNamedAndSecretsNeverPrinted() {
        String m = failure("egov.payment.dvcqg.url=ftp://pay.example.gov.vn", "egov.payment.dvcqg.merchant-code=M",
                "egov.payment.dvcqg.hash-key=" + SECRET, "egov.payment.dvcqg.read-timeout=0s",
                "egov.payment.dvcqg.max-amount=0", "egov.payment.keypay.url=https://keypay.example.vn",
                "egov.payment.keypay.client-id=C", "egov.payment.keypay.hash-key1=" + SECRET,
                "egov.payment.keypay.hash-key2=" + SECRET,
                "egov.payment.keypay.callback-path=/egov/payment/dvcqg/callback",
                "egov.payment.dvcqg.callback-path=/egov/payment/dvcqg/callback",
                "egov.payment.callback.max-age=0s", "egov.payment.callback.clock-skew=-1s",
                "egov.payment.paygov.callback-path=no-slash");
        assertTrue(m.contains("egov.payment.dvcqg.url must be an absolute http or https URL (got "
                + "'ftp://pay.example.gov.vn')"), m);
        assertTrue(m.contains("egov.payment.dvcqg.read-timeout must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.payment.dvcqg.max-amount must be above 0 VND (got 0)"), m);
        assertTrue(m.contains("egov.payment.keypay.callback-path must differ from egov.payment.dvcqg.callback-path"),
                m);
        assertTrue(m.contains("egov.payment.callback.max-age must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.payment.callback.clock-skew must be 0 or more (got PT-1S)"), m);
        assertTrue(m.contains("egov.payment.paygov.callback-path must be a plain path starting with / (got "
                + "'no-slash')"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void propertiesNeverPrintTheirKeys() {
        runner().withPropertyValues("egov.payment.dvcqg.hash-key=" + SECRET, "egov.payment.paygov.secret-key=" + SECRET,
                "egov.payment.keypay.hash-key1=" + SECRET, "egov.payment.keypay.hash-key2=" + SECRET).run(context -> {
                    String text = context.getBean(EgovPaymentProperties.class).toString();
                    assertFalse(text.contains(SECRET), text);
                    assertTrue(text.contains("hashKey=***") && text.contains("hashKey2=***"), text);
                });
    }

    @Test
    void payGovNeedsItsLgspCredentialsAndAResultVerifier(NationalSandbox sandbox) {
        String noAuth = failure(paygov(sandbox));
        assertTrue(noAuth.contains("no AuthStrategy bean named 'egovPayGovAuth' is defined"), noAuth);
        String[] withoutInferred = java.util.Arrays.copyOf(paygov(sandbox), paygov(sandbox).length - 1);
        runner().withPropertyValues(withoutInferred)
                .withBean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN, AuthStrategy.class,
                        () -> sandbox.payGov().lgspAuth())
                .run(context -> {
                    String m = StarterTestSupport.messages(context.getStartupFailure());
                    assertTrue(m.contains("egov.payment.paygov.inferred-result-verifier=true"), m);
                });
    }

    @Test
    void bootsFailureReportNamesThePropertyAndNeverShowsAKey(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("egov.payment.dvcqg.url=https://pay.example.gov.vn",
                        "egov.payment.dvcqg.hash-key=" + SECRET,
                        "egov.payment.keypay.url=https://keypay.example.vn", "egov.payment.keypay.client-id=C",
                        "egov.payment.keypay.hash-key1=" + SECRET, "egov.payment.keypay.hash-key2=" + SECRET);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, app::run);
        assertFalse(StarterTestSupport.messages(e).contains(SECRET));
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("egov.payment.dvcqg.merchant-code is required when egov.payment.dvcqg.url is set"),
                report);
        assertFalse(report.contains(SECRET), report);
    }

    @Test
    void aMissingPayGovVerifierIsReportedByBootsFailureReport(CapturedOutput output) {
        String[] noVerifier = java.util.Arrays.stream(paygov("http://127.0.0.1:9"))
                .filter(p -> !p.startsWith("egov.payment.paygov.inferred-result-verifier")).toArray(String[]::new);
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class, LgspAuth.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).properties(noVerifier);
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, app::run);
        String report = output.getAll();
        assertTrue(report.contains("Property: egov.payment.paygov.inferred-result-verifier"), report);
        assertTrue(report.contains("define a PayGovResultVerifier bean, or set "
                + "egov.payment.paygov.inferred-result-verifier=true"), report);
        assertFalse(report.contains(PayGovSandbox.SECRET_KEY), report);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EgovAxisAutoConfiguration.class, EgovPaymentAutoConfiguration.class})
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    static class LgspAuth {
        @Bean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN)
        AuthStrategy lgsp() {
            return AuthStrategy.NONE;
        }
    }
}
