package vn.egov.sdk.spring.payment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import vn.egov.sdk.payment.CallbackWindow;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.spring.payment.internal.PaymentCallbackEndpoint;

/**
 * With Spring MVC in a servlet web application, serves a result-callback endpoint for each payment system that has
 * a client bean, at its {@code egov.payment.<system>.callback-path} (by default
 * {@code /egov/payment/dvcqg/callback}, {@code /egov/payment/paygov/callback}, {@code /egov/payment/keypay/callback}).
 * Each {@code POST} is verified by the SDK (checksum, partner code, reference and amount against the store, the
 * callback's time against {@code egov.payment.callback.max-age} and {@code clock-skew}), applied once through the
 * {@link vn.egov.sdk.payment.PaymentStore} with the application's {@link PaymentResultListener}s as its effect,
 * and answered in the system's own reply format; a refused callback gets the system's refusal reply and never
 * reaches a listener. Every callback publishes a {@link vn.egov.sdk.spring.PaymentCallbackEvent}. Off with
 * {@code egov.payment.callback.enabled=false}; a bean named {@code egovPaymentCallbackMapping} replaces it.
 */
@AutoConfiguration(after = EgovPaymentAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.web.servlet.DispatcherServlet", "vn.egov.sdk.payment.PaymentGateway"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "egov.payment.callback", name = "enabled", matchIfMissing = true)
public class EgovPaymentCallbackAutoConfiguration {
    /** Created by Spring. */
    public EgovPaymentCallbackAutoConfiguration() {
        // configuration class
    }

    /**
     * Maps each configured system's callback path to its endpoint, ahead of the application's controllers.
     *
     * @param properties the bound properties
     * @param dvcqg the DVCQG payment platform's client, if any
     * @param paygov PayGov's client, if any
     * @param keypay Keypay's client, if any
     * @param listeners the application's listeners, in their order
     * @param events the context, which publishes the callback events
     * @return the mapping
     */
    @Bean
    @ConditionalOnMissingBean(name = "egovPaymentCallbackMapping")
    public SimpleUrlHandlerMapping egovPaymentCallbackMapping(EgovPaymentProperties properties,
            ObjectProvider<DvcqgPaymentPlatformClient> dvcqg, ObjectProvider<PayGovClient> paygov,
            ObjectProvider<KeypayDvcqgClient> keypay, ObjectProvider<PaymentResultListener> listeners,
            ApplicationEventPublisher events) {
        EgovPaymentProperties.Callback callback = properties.getCallback();
        CallbackWindow window = CallbackWindow.of(callback.getMaxAge(), callback.getClockSkew());
        List<PaymentResultListener> ordered = listeners.orderedStream().toList();
        Map<String, Object> endpoints = new LinkedHashMap<>();
        add(endpoints, "dvcqg", properties.getDvcqg(), dvcqg.getIfUnique(), window, ordered, events);
        add(endpoints, "paygov", properties.getPaygov(), paygov.getIfUnique(), window, ordered, events);
        add(endpoints, "keypay", properties.getKeypay(), keypay.getIfUnique(), window, ordered, events);
        return new SimpleUrlHandlerMapping(endpoints, Ordered.HIGHEST_PRECEDENCE + 100);
    }

    private static void add(Map<String, Object> endpoints, String system, EgovPaymentProperties.Gateway settings,
            PaymentGateway gateway, CallbackWindow window, List<PaymentResultListener> listeners,
            ApplicationEventPublisher events) {
        if (gateway != null) {
            endpoints.put(settings.getCallbackPath(),
                    new PaymentCallbackEndpoint(system, gateway, window, listeners, events, Clock.systemUTC()));
        }
    }
}
