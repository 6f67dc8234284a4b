package vn.egov.sdk.axis.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.axis.VdxpErrorKind;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.CounterpartyException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.DefaultErrorMapper;
import vn.egov.sdk.core.http.ErrorMapper;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.Redactor;

/**
 * Maps the axis' error envelope onto the SDK's exceptions through a table of {@code ErrorCode} → {@link VdxpErrorKind}.
 * The axis answers a refusal with HTTP 200 and {@code status: FAIL}; the {@linkplain #interceptor() interceptor}
 * turns such an answer into an error status (503 for a retryable kind, 400 otherwise; see {@link Refusals}) so the
 * runtime's retry rules and this mapper handle it like any error, and the mapper reports the status the axis really
 * sent. Only a {@linkplain VdxpEnvelope#refusal() refusal} is turned: a 2xx answer that is not the axis' envelope
 * ({@code {}}) stays 2xx, for the client to report as what it is.
 */
public final class VdxpErrors implements ErrorMapper {

    private final Map<String, VdxpErrorKind> table;
    private final DefaultErrorMapper fallback = new DefaultErrorMapper();

    /**
     * @param table the error code table
     */
    public VdxpErrors(Map<String, VdxpErrorKind> table) {
        this.table = Map.copyOf(new LinkedHashMap<>(table));
    }

    /** The kind of an error code, by the table; unknown codes are {@link VdxpErrorKind#REJECTED}. */
    public VdxpErrorKind kindOf(String code, int httpStatus) {
        VdxpErrorKind kind = table.get(code);
        if (kind != null) {
            return kind;
        }
        return httpStatus >= 500 ? VdxpErrorKind.UNAVAILABLE : VdxpErrorKind.REJECTED;
    }

    /** The interceptor turning a 2xx {@code FAIL} envelope into an error response. */
    public HttpInterceptor interceptor() {
        return new HttpInterceptor() {
            @Override
            public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
                return Refusals.asErrorStatus(response, r -> VdxpEnvelope.peek(r.bodyStream())
                        .filter(VdxpEnvelope::refusal)
                        .map(env -> OptionalInt.of(kindOf(env.errorCode(), r.status()).retryable() ? 503 : 400))
                        .orElse(OptionalInt.empty()));
            }
        };
    }

    @Override
    public EgovException map(ApiRequest request, ApiResponse response, AttemptContext context, boolean retryable) {
        Optional<VdxpEnvelope> env = Json.tryParseObject(response.bodyStream()).map(VdxpEnvelope::of)
                .filter(VdxpEnvelope::refusal);
        if (env.isEmpty()) {
            return fallback.map(request, response, context, retryable);
        }
        return refusal(request, env.get(), Refusals.originalStatus(response), context);
    }

    /** The exception for an envelope the axis answered with {@code status: FAIL}. */
    public EgovException refusal(ApiRequest request, VdxpEnvelope envelope, int status, AttemptContext context) {
        Optional<VdxpEnvelope> env = Optional.of(envelope);
        VdxpErrorKind kind = kindOf(env.get().errorCode(), status);
        String code = env.get().errorCode();
        ErrorDetails details = ErrorDetails.of(faultOf(kind), kind.retryable())
                .withCall(context.correlationId(), context.attempt())
                .withHttpStatus(status)
                .withPlatformErrorCode(code.isEmpty() ? null : code);
        String message = request + " refused by the axis"
                + (status == 200 ? "" : " (HTTP " + status + ")") + ": "
                + (code.isEmpty() ? "status FAIL without an ErrorCode" : "ErrorCode " + Redactor.printable(code, 40))
                + (env.get().errorDesc().isEmpty() ? ""
                        : " (" + Redactor.printable(env.get().errorDesc(), 200) + ")") + "; " + advice(kind);
        return switch (kind) {
            case AUTHENTICATION -> new AuthenticationException(message, details, null);
            case COUNTERPARTY -> new CounterpartyException(message, details, null);
            default -> new PlatformException(message, details, null);
        };
    }

    /** The codes of the table, for documentation and tests. */
    public List<String> codes() {
        return new ArrayList<>(table.keySet());
    }

    private static Fault faultOf(VdxpErrorKind kind) {
        return switch (kind) {
            case AUTHENTICATION, REJECTED -> Fault.CALLER;
            case COUNTERPARTY -> Fault.COUNTERPARTY;
            case HASH_MISMATCH -> Fault.NETWORK;
            case UNAVAILABLE -> Fault.PLATFORM;
        };
    }

    private static String advice(VdxpErrorKind kind) {
        return switch (kind) {
            case AUTHENTICATION -> "check the system id, the secret and the clock (the timestamp window)";
            case COUNTERPARTY -> "check the recipient's organ id against the axis directory";
            case HASH_MISMATCH -> "the file was altered in transit; sending it again may succeed";
            case REJECTED -> "the axis refused the request as it is";
            case UNAVAILABLE -> "the axis failed; a later repeat may succeed";
        };
    }
}
