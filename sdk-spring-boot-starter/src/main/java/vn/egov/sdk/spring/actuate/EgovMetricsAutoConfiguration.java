package vn.egov.sdk.spring.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.EgovPackageHandlerDecorator;
import vn.egov.sdk.spring.actuate.internal.ClientMetricsInterceptor;
import vn.egov.sdk.spring.actuate.internal.PaymentCallbackMetrics;
import vn.egov.sdk.spring.actuate.internal.ReceivedDocumentsMetrics;

/**
 * Micrometer metrics of the SDK, when micrometer-core is on the class path and the application has a
 * {@link MeterRegistry} bean (Boot's actuator makes one): {@code egov.client.calls} and {@code egov.client.retries}
 * of every client the starter builds (through an {@link EgovClientCustomizer} adding an interceptor),
 * {@code egov.documents.sent}, {@code egov.documents.received} (through an {@link EgovPackageHandlerDecorator}) and
 * {@code egov.payment.callbacks}. Every tag has a few fixed values (client, operation, outcome, axis, system).
 * The registry is looked up when a client or loop is built, so the order of auto-configurations does not matter.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class EgovMetricsAutoConfiguration {
    /** Created by Spring. */
    public EgovMetricsAutoConfiguration() {
        // configuration class
    }

    /**
     * Adds the metrics interceptor to every client the starter builds.
     *
     * @param registry the application's registry, if any
     * @return the customizer
     */
    @Bean
    public EgovClientCustomizer egovClientMetrics(ObjectProvider<MeterRegistry> registry) {
        return (client, settings) -> registry.ifUnique(r -> settings.addInterceptor(
                new ClientMetricsInterceptor(client, r)));
    }

    /**
     * Counts the packages the receive loop hands over.
     *
     * @param registry the application's registry, if any
     * @return the decorator
     */
    @Bean
    public ReceivedDocumentsMetrics egovReceivedDocumentsMetrics(ObjectProvider<MeterRegistry> registry) {
        return new ReceivedDocumentsMetrics(registry::getIfUnique);
    }

    /**
     * Counts payment-result callbacks.
     *
     * @param registry the application's registry, if any
     * @return the listener
     */
    @Bean
    public PaymentCallbackMetrics egovPaymentCallbackMetrics(ObjectProvider<MeterRegistry> registry) {
        return new PaymentCallbackMetrics(registry::getIfUnique);
    }
}
