package vn.egov.sdk.spring.actuate.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;

/**
 * Records every attempt of one client's calls: {@code egov.client.calls} (a timer: how many, how long, by client,
 * operation and outcome), {@code egov.client.retries} (attempts after the first) and, for the axis clients' send
 * operation, {@code egov.documents.sent} (by axis and outcome). Tags are few and fixed: never a URL, id or status
 * text.
 */
public final class ClientMetricsInterceptor implements HttpInterceptor {
    /** The operation by which the axis clients send a package (national {@code /sendEdoc}, provincial {@code /v1/sendEdoc}). */
    static final String SEND_OPERATION = "sendEdoc";
    private static final Set<String> AXIS_CLIENTS = Set.of("axis", "lgsp");
    private static final int MAX_IN_FLIGHT = 10_000;

    private final String client;
    private final MeterRegistry registry;
    private final OperationNames operations = new OperationNames();
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    /**
     * Creates the interceptor.
     *
     * @param client the client's name (a tag)
     * @param registry where the meters go
     */
    public ClientMetricsInterceptor(String client, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    @Override
    public ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
        if (started.size() >= MAX_IN_FLIGHT) {
            started.clear(); // attempts another interceptor ended before they were sent: never a leak
        }
        started.put(key(context), System.nanoTime());
        if (context.attempt() > 1) {
            Counter.builder("egov.client.retries")
                    .description("Attempts of the SDK's HTTP calls after the first (retries)")
                    .tag("client", client).tag("operation", operations.of(request.url()))
                    .register(registry).increment();
        }
        return request;
    }

    @Override
    public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
        int status = response.status();
        String outcome = status >= 200 && status < 300 ? "success"
                : status >= 400 && status < 500 ? "client_error"
                : status >= 500 && status < 600 ? "server_error" : "other";
        record(request, context, outcome);
        String sent = status >= 200 && status < 300 ? "sent" : status >= 400 && status < 500 ? "refused" : "failed";
        countSend(request, sent);
        return response;
    }

    @Override
    public void onAttemptFailure(ApiRequest request, EgovException failure, AttemptContext context) {
        record(request, context, "network_error");
        countSend(request, "failed");
    }

    private void record(ApiRequest request, AttemptContext context, String outcome) {
        Long t0 = started.remove(key(context));
        long nanos = t0 == null ? 0 : System.nanoTime() - t0;
        Timer.builder("egov.client.calls")
                .description("Attempts of the SDK's HTTP calls (one sample per attempt) and how long each took")
                .tag("client", client).tag("operation", operations.of(request.url())).tag("outcome", outcome)
                .register(registry).record(java.time.Duration.ofNanos(nanos));
    }

    private void countSend(ApiRequest request, String outcome) {
        if (AXIS_CLIENTS.contains(client) && SEND_OPERATION.equals(operations.of(request.url()))) {
            Counter.builder("egov.documents.sent")
                    .description("Packages sent to a document axis, by axis and outcome (sent, refused, failed)")
                    .tag("axis", client).tag("outcome", outcome)
                    .register(registry).increment();
        }
    }

    private static String key(AttemptContext context) {
        return context.correlationId() + '#' + context.attempt();
    }
}
