package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.function.Supplier;

/**
 * What a fault preset does to one request. Created by {@link FaultActions}.
 */
@FunctionalInterface
public interface FaultAction {

    /**
     * Produces the response WireMock sends instead of (or on top of) the normal one.
     *
     * @param serve runs the simulator and returns its normal response; call it at most once, and only when
     *     the fault lets the request reach the simulator
     * @return the response definition to send
     */
    ResponseDefinition apply(Supplier<ResponseDefinition> serve);
}
