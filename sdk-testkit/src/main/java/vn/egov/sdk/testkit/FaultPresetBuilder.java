package vn.egov.sdk.testkit;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.Objects;
import vn.egov.sdk.testkit.internal.ArmedFault;
import vn.egov.sdk.testkit.internal.FaultAction;
import vn.egov.sdk.testkit.internal.FaultActions;
import vn.egov.sdk.testkit.internal.FaultRegistry;
import vn.egov.sdk.core.ValidationException;

/**
 * Describes a fault for one endpoint, obtained from {@link SandboxFaults#on(String)}: first how often
 * ({@link #times(int)}, once by default, or {@link #always()}) and optionally {@link #afterServing()}, then
 * exactly one terminal method naming the fault, which arms it.
 *
 * <pre>{@code
 * sandbox.faults().on("/demo/echo").times(2).connectionReset();
 * sandbox.faults().on("POST", "/demo/orders").afterServing().connectionReset();
 * }</pre>
 *
 * <p>Once its count is used up the endpoint is served normally again. Each terminal call arms a new,
 * independent preset with the settings made so far. Not thread-safe itself; the armed presets are.
 */
public final class FaultPresetBuilder {

    private final FaultRegistry registry;
    private final String method;
    private final String path;
    private int times = 1;
    private boolean afterServing;

    FaultPresetBuilder(FaultRegistry registry, String method, String path) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.method = method;
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Hits the next {@code n} matching requests (the default is 1).
     *
     * @param n the number of requests, at least 1
     * @return this builder
     */
    public FaultPresetBuilder times(int n) {
        if (n < 1) {
            throw ValidationException.of("sandbox.fault.times", "FaultPresetBuilder.times", "times must be at least 1, was " + n);
        }
        this.times = n;
        return this;
    }

    /**
     * Hits every matching request until the preset is cancelled or the sandbox is reset.
     *
     * @return this builder
     */
    public FaultPresetBuilder always() {
        this.times = ArmedFault.ALWAYS;
        return this;
    }

    /**
     * Lets the simulator handle the request first, with all its effects (an order is created, a document
     * stored), and only then applies the fault to the answer: the server did the work but the client never
     * heard. This is how a test provokes duplicate creation by a client that retries without an idempotency key.
     *
     * @return this builder
     */
    public FaultPresetBuilder afterServing() {
        this.afterServing = true;
        return this;
    }

    /**
     * Closes the connection with a TCP reset ({@code Connection reset by peer} on the client).
     *
     * @return the armed preset
     */
    public FaultPreset connectionReset() {
        return arm(FaultActions.network(Fault.CONNECTION_RESET_BY_PEER), "connectionReset");
    }

    /**
     * Closes the connection without sending anything.
     *
     * @return the armed preset
     */
    public FaultPreset emptyResponse() {
        return arm(FaultActions.network(Fault.EMPTY_RESPONSE), "emptyResponse");
    }

    /**
     * Sends a 200 status line and then a broken chunked body, and closes the connection.
     *
     * @return the armed preset
     */
    public FaultPreset malformedChunk() {
        return arm(FaultActions.network(Fault.MALFORMED_RESPONSE_CHUNK), "malformedChunk");
    }

    /**
     * Sends random bytes that are not HTTP, then closes the connection.
     *
     * @return the armed preset
     */
    public FaultPreset randomDataThenClose() {
        return arm(FaultActions.network(Fault.RANDOM_DATA_THEN_CLOSE), "randomDataThenClose");
    }

    /**
     * Serves the request normally, but only after waiting {@code delay}: use it to trip client timeouts.
     *
     * @param delay how long to hold the response, not negative
     * @return the armed preset
     */
    public FaultPreset delay(Duration delay) {
        FaultAction action = FaultActions.delay(delay);
        return arm(action, "delay " + delay.toMillis() + " ms");
    }

    /**
     * Answers with an HTTP error and a JSON body {@code {"error":"sandbox_fault","status":N,...}}.
     *
     * @param status the status code, 400 to 599 (typically 500, 502, 503 or 504)
     * @return the armed preset
     */
    public FaultPreset status(int status) {
        return arm(FaultActions.status(status), "status " + status);
    }

    /**
     * Answers 429 Too Many Requests with a {@code Retry-After} header in whole seconds (rounded up).
     *
     * @param retryAfter the wait to ask for, not negative
     * @return the armed preset
     */
    public FaultPreset tooManyRequests(Duration retryAfter) {
        return arm(FaultActions.tooManyRequests(retryAfter), "tooManyRequests");
    }

    /**
     * Answers 200 with {@code Content-Type: application/json} and a body that is not valid JSON.
     *
     * @return the armed preset
     */
    public FaultPreset malformedBody() {
        return arm(FaultActions.malformedBody(), "malformedBody");
    }

    private FaultPreset arm(FaultAction action, String kind) {
        FaultAction effective = afterServing ? FaultActions.afterServing(action) : action;
        return new FaultPreset(registry.arm(new ArmedFault(method, path, times, effective, afterServing ? kind + " after serving" : kind)));
    }
}
