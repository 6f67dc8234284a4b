package vn.egov.sdk.spring.actuate.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.spring.EgovPackageHandlerDecorator;

/**
 * Counts {@code egov.documents.received} by axis ({@code axis} for the national axis, {@code lgsp} for a
 * provincial one) and outcome: {@code handled} when the vendor's handler returned, {@code failed} when it threw
 * (the package is then offered again, and counted again).
 */
public final class ReceivedDocumentsMetrics implements EgovPackageHandlerDecorator {
    private final Supplier<MeterRegistry> registry;

    /**
     * Creates the decorator.
     *
     * @param registry the registry, looked up when a loop is built; {@code null} from it leaves handlers unwrapped
     */
    public ReceivedDocumentsMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public PackageHandler decorate(DocumentAxisClient client, PackageHandler handler) {
        MeterRegistry r = registry.get();
        if (r == null) {
            return handler;
        }
        String axis = client instanceof LgspAxisClient ? "lgsp" : "axis";
        Counter handled = counter(r, axis, "handled");
        Counter failed = counter(r, axis, "failed");
        return pkg -> {
            try {
                handler.handle(pkg);
            } catch (Exception | Error e) {
                failed.increment();
                throw e;
            }
            handled.increment();
        };
    }

    private static Counter counter(MeterRegistry registry, String axis, String outcome) {
        return Counter.builder("egov.documents.received")
                .description("Packages the receive loop handed to the application's handler, by axis and outcome")
                .tag("axis", axis).tag("outcome", outcome).register(registry);
    }
}
