package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Objects;
import java.util.function.Supplier;
import vn.egov.sdk.core.Causes;

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
    private final CallLog calls;
    private final java.time.Clock clock;
    private final Simulator control;

    /**
     * Wires the transformer.
     *
     * @param router the simulators
     * @param faults the armed fault presets
     * @param counter the per-path request counter
     * @param calls the log of calls received
     * @param clock the sandbox clock, for the log
     * @param control the control API under {@code /_sandbox/}, which faults never hit and the log does not list
     */
    public SandboxTransformer(SimulatorRouter router, FaultRegistry faults, RequestCounter counter, CallLog calls,
            java.time.Clock clock, Simulator control) {
        this.router = Objects.requireNonNull(router, "router");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.control = Objects.requireNonNull(control, "control");
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        SimRequest request;
        try {
            request = WireMockRequests.toSimRequest(serveEvent.getRequest());
        } catch (RuntimeException e) { // WireMock could not decode the query, form or parts
            counter.record(WireMockRequests.pathOf(serveEvent.getRequest().getUrl()));
            return toDefinition(SimResponse.error(400, "malformed_request",
                    "the request cannot be read: " + Causes.describe(e)));
        }
        if (request.path().startsWith(control.pathPrefix()) || request.path().equals("/_sandbox")) {
            return toDefinition(control.handle(request));
        }
        counter.record(request.path());
        Supplier<ResponseDefinition> serve = () -> toDefinition(router.route(request));
        java.util.Optional<ArmedFault> fault = faults.take(request.method(), request.path());
        ResponseDefinition answer = fault.map(f -> f.action().apply(serve)).orElseGet(serve);
        calls.record(new CallLog.Call(clock.instant(), request.method(), request.path(),
                answer.getFault() != null ? 0 : answer.getStatus(), fault.map(ArmedFault::kind).orElse("")));
        return answer;
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
