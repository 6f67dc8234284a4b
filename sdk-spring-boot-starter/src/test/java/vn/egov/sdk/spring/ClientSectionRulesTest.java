package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import vn.egov.sdk.spring.dossier.EgovDossierAutoConfiguration;
import vn.egov.sdk.spring.identity.EgovSsoAutoConfiguration;
import vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.signing.EgovSigningAutoConfiguration;

/**
 * Every client section shares {@link EgovClientProperties}/{@link EgovClientTimeouts} and the same rules: a URL
 * that is not http(s) and a timeout that is not positive stop the start-up with the full property named.
 */
class ClientSectionRulesTest {
    private static String failure(String... properties) {
        String[] out = new String[1];
        StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovLgspAutoConfiguration.class,
                        EgovDossierAutoConfiguration.class, EgovPaymentAutoConfiguration.class,
                        EgovSigningAutoConfiguration.class, EgovSsoAutoConfiguration.class))
                .withPropertyValues(properties).run(context -> {
                    assertNotNull(context.getStartupFailure(), "start-up must fail");
                    out[0] = StarterTestSupport.messages(context.getStartupFailure());
                });
        return out[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"egov.axis", "egov.lgsp", "egov.dossier", "egov.payment.dvcqg", "egov.payment.paygov",
            "egov.payment.keypay", "egov.signing.smartca"})
    void everyClientSectionChecksItsUrlAndTimeouts(String prefix) {
        String m = failure(prefix + ".url=ftp://service.example.gov.vn", prefix + ".connect-timeout=0s",
                prefix + ".read-timeout=-1s", prefix + ".deadline=0ms");
        assertTrue(m.contains(prefix + ".url must be an absolute http or https URL "
                + "(got 'ftp://service.example.gov.vn')"), m);
        assertTrue(m.contains(prefix + ".connect-timeout must be positive (got PT0S)"), m);
        assertTrue(m.contains(prefix + ".read-timeout must be positive (got PT-1S)"), m);
        assertTrue(m.contains(prefix + ".deadline must be positive (got PT0S)"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"egov.axis", "egov.lgsp", "egov.dossier", "egov.payment.dvcqg", "egov.sso"})
    void timeoutsAloneAreCheckedToo(String prefix) {
        String m = failure(prefix + ".connect-timeout=-2s", prefix + ".deadline=0s");
        assertTrue(m.contains(prefix + ".connect-timeout must be positive (got PT-2S)"), m);
        assertTrue(m.contains(prefix + ".deadline must be positive (got PT0S)"), m);
    }
}
