package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * Behind Spring Security: the payment systems send no login and no CSRF token, so the application's filter chain
 * must let the callback paths through (their checksum authenticates them); a chain that does not refuses them.
 */
@ExtendWith(NationalSandboxExtension.class)
class EgovPaymentSecurityTest {

    private static int deliveredStatus(NationalSandbox sandbox, Class<?> chain, String dossier) {
        int[] status = new int[1];
        WebApplicationContextRunner runner = EgovPaymentCallbackEndpointTest.web().withUserConfiguration(chain)
                .withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox));
        runner.run(context -> {
            assertEquals(null, context.getStartupFailure());
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            EgovPaymentCallbackEndpointTest.Recorder rec =
                    context.getBean(EgovPaymentCallbackEndpointTest.Recorder.class);
            try (MockMvcBridge bridge = MockMvcBridge.start(mvc)) {
                sandbox.dvcqgPay().callbackUrl(bridge.url(EgovPaymentCallbackEndpointTest.DVCQG_PATH));
                PaymentStart start = context.getBean(DvcqgPaymentPlatformClient.class)
                        .create(PaymentOrder.of(dossier, 10_000, "Lệ phí"));
                sandbox.dvcqgPay().pay(start.reference());
                DvcqgPaySandbox.Delivery d = EgovPaymentCallbackEndpointTest.deliveries(sandbox, start.reference(), 1)
                        .get(0);
                status[0] = d.status();
                assertEquals(d.status() == 200 ? 1 : 0, rec.results.size());
            }
        });
        return status[0];
    }

    @Test
    void aChainThatLetsTheCallbackPathsThroughGetsTheCallback(NationalSandbox sandbox) {
        assertEquals(200, deliveredStatus(sandbox, OpenCallbacks.class, "H41.01-261207-0701"));
    }

    @Test
    void aChainThatDoesNotRefusesIt(NationalSandbox sandbox) {
        assertEquals(403, deliveredStatus(sandbox, LoginEverywhere.class, "H41.01-261207-0702"));
    }

    /** Every page needs a login, but the payment callbacks are let through, without a CSRF token. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class OpenCallbacks {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.requestMatchers("/egov/payment/**").permitAll()
                            .anyRequest().authenticated())
                    .csrf(c -> c.ignoringRequestMatchers("/egov/payment/**"));
            return http.build();
        }
    }

    /** Every request needs a login and a CSRF token. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class LoginEverywhere {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
            return http.build();
        }
    }
}
