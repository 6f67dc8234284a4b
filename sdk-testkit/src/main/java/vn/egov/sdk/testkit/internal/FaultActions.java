package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;

/** The catalogue of fault behaviours a preset can apply. */
public final class FaultActions {

    private static final String JSON = "application/json; charset=utf-8";

    private FaultActions() {
    }

    /**
     * A socket-level fault: the request never reaches the simulator.
     *
     * @param fault the WireMock fault (reset, empty response, malformed chunk, garbage then close)
     * @return the action
     */
    public static FaultAction network(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        return serve -> ResponseDefinitionBuilder.responseDefinition().withFault(fault).build();
    }

    /**
     * Serves the request normally but holds the response back for a while.
     *
     * @param delay how long to wait before answering
     * @return the action
     */
    public static FaultAction delay(Duration delay) {
        int millis = Math.toIntExact(requireNonNegative(delay, "delay").toMillis());
        return serve -> ResponseDefinitionBuilder.like(serve.get()).withFixedDelay(millis).build();
    }

    /**
     * An HTTP error with a JSON body {@code {"error":"sandbox_fault","status":N,"error_description":...}}.
     *
     * @param status the status code, 400 to 599
     * @return the action
     */
    public static FaultAction status(int status) {
        if (status < 400 || status > 599) {
            throw ValidationException.of("sandbox.fault.status", "FaultPresetBuilder.status", "fault status must be 400..599, was " + status);
        }
        byte[] body = errorBody("sandbox_fault", status, "fault preset: HTTP " + status);
        return serve -> json(status, body).build();
    }

    /**
     * A 429 with a {@code Retry-After} header in whole seconds (rounded up).
     *
     * @param retryAfter the wait the server asks for
     * @return the action
     */
    public static FaultAction tooManyRequests(Duration retryAfter) {
        long millis = requireNonNegative(retryAfter, "retryAfter").toMillis();
        String seconds = Long.toString((millis + 999) / 1000);
        byte[] body = errorBody("too_many_requests", 429, "fault preset: retry after " + seconds + " s");
        return serve -> json(429, body).withHeader("Retry-After", seconds).build();
    }

    /**
     * A 200 whose body claims to be JSON but is cut off in the middle.
     *
     * @return the action
     */
    public static FaultAction malformedBody() {
        return serve -> ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", JSON)
                .withBody("{\"sandbox\": \"malformed body\", \"truncated\": [1, 2,")
                .build();
    }

    /**
     * Lets the simulator do its work (and its side effects) first, then answers with {@code fault} instead of
     * the simulator's response: the "server did it, client never heard" case.
     *
     * @param fault what the client sees
     * @return the action
     */
    public static FaultAction afterServing(FaultAction fault) {
        Objects.requireNonNull(fault, "fault");
        return serve -> {
            ResponseDefinition served = serve.get();
            return fault.apply(() -> served);
        };
    }

    private static ResponseDefinitionBuilder json(int status, byte[] body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", JSON).withBody(body);
    }

    private static byte[] errorBody(String code, int status, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("status", status);
        body.put("error_description", description);
        return JsonCodec.write(body);
    }

    private static Duration requireNonNegative(Duration value, String name) {
        if (value == null) {
            throw ValidationException.of("sandbox.fault." + name, "FaultPresetBuilder." + name, name + " is required");
        }
        if (value.isNegative()) {
            throw ValidationException.of("sandbox.fault." + name, "FaultPresetBuilder." + name, name + " must not be negative: " + value);
        }
        return value;
    }
}
