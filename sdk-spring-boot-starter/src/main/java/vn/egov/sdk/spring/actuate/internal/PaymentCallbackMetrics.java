package vn.egov.sdk.spring.actuate.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import vn.egov.sdk.spring.PaymentCallbackEvent;

/**
 * Counts {@code egov.payment.callbacks} by system, {@code verified} ({@code true}/{@code false}) and outcome from
 * the {@link PaymentCallbackEvent}s the payment callback endpoint publishes. A system or outcome outside the
 * documented few is counted as {@code other}, so the tags stay bounded whatever is published.
 */
public final class PaymentCallbackMetrics {
    private static final Set<String> SYSTEMS = Set.of("dvcqg", "paygov", "keypay");
    private static final Set<String> OUTCOMES = Set.of("applied", "duplicate", "refused", "failed");

    private final Supplier<MeterRegistry> registry;

    /**
     * Creates the listener.
     *
     * @param registry the registry, looked up on each event; {@code null} from it counts nothing
     */
    public PaymentCallbackMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    /**
     * Counts one callback.
     *
     * @param event the callback's system, verification and outcome
     */
    @EventListener
    public void onCallback(PaymentCallbackEvent event) {
        MeterRegistry r = registry.get();
        if (r == null) {
            return;
        }
        Counter.builder("egov.payment.callbacks")
                .description("Payment-result callbacks received, by system, whether they verified, and outcome")
                .tag("system", bounded(event.system(), SYSTEMS))
                .tag("verified", Boolean.toString(event.verified()))
                .tag("outcome", bounded(event.outcome(), OUTCOMES))
                .register(r).increment();
    }

    private static String bounded(String value, Set<String> known) {
        return value != null && known.contains(value) ? value : "other";
    }
}
