package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The WireMock extension through which every sandbox request flows: it counts the request, applies a fault
 * preset if one is armed for it, and otherwise lets the owning simulator answer.
 */
public final class SandboxTransformer implements ResponseDefinitionTransformerV2 {

    /** The extension name the catch-all stub refers to. */
    public static final String NAME = "national-sandbox";

    private final SimulatorRouter router;
    private final FaultRegistry faults;
    private final RequestCounter counter;

    /**
     * Wires the transformer.
     *
     * @param router the simulators
     * @param faults the armed fault presets
     * @param counter the per-path request counter
     */
    public SandboxTransformer(SimulatorRouter router, FaultRegistry faults, RequestCounter counter) {
        this.router = Objects.requireNonNull(router, "router");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        SimRequest request;
        try {
            request = WireMockRequests.toSimRequest(serveEvent.getRequest());
        } catch (RuntimeException e) { // WireMock could not decode the query, form or parts
            counter.record(WireMockRequests.pathOf(serveEvent.getRequest().getUrl()));
            return toDefinition(SimResponse.error(400, "malformed_request",
                    "the request cannot be read: " + e.getMessage()));
        }
        counter.record(request.path());
        Supplier<ResponseDefinition> serve = () -> toDefinition(router.route(request));
        return faults.take(request.method(), request.path())
                .map(fault -> fault.apply(serve))
                .orElseGet(serve);
    }

    /** Only the sandbox's catch-all stub uses this transformer. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    private static ResponseDefinition toDefinition(SimResponse response) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(response.status());
        response.headers().forEach(builder::withHeader);
        return builder.withBody(response.body()).build();
    }
}
