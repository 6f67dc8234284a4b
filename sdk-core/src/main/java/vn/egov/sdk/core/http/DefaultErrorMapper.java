package vn.egov.sdk.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.core.internal.RetryAfterHeader;

/**
 * Maps plain HTTP failures: 401 and 403 to {@link AuthenticationException}; every other status to
 * {@link PlatformException} (4xx: the caller's fault, 5xx and 429: the platform's). Reads a platform error code
 * from a JSON body's {@code ErrorCode}, {@code errorCode}, {@code error_code}, {@code error} or {@code code}
 * field, and a description from {@code ErrorDesc}, {@code error_description} or {@code message}.
 * Subclass it, or write an {@link ErrorMapper}, for a platform with its own error body.
 */
public class DefaultErrorMapper implements ErrorMapper {
    private static final String[] CODE_FIELDS = {"ErrorCode", "errorCode", "error_code", "error", "code"};
    private static final String[] DESC_FIELDS = {"ErrorDesc", "error_description", "message", "errorDesc"};
    private static final int MAX_DESCRIPTION = 200;

    @Override
    public EgovException map(ApiRequest request, ApiResponse response, AttemptContext context, boolean retryable) {
        int status = response.status();
        Optional<JsonNode> body = Json.tryParseObject(response.bodyAsString());
        Optional<String> code = body.flatMap(b -> firstText(b, CODE_FIELDS));
        Optional<String> description = body.flatMap(b -> firstText(b, DESC_FIELDS));
        Optional<Duration> retryAfter = RetryAfterHeader.parse(response.header("Retry-After").orElse(null),
                context.startedAt());

        Fault fault = status == 401 || status == 403 ? Fault.CALLER
                : status >= 500 || status == 429 || status == 408 ? Fault.PLATFORM : Fault.CALLER;
        ErrorDetails details = ErrorDetails.of(fault, retryable)
                .withCall(context.correlationId(), context.attempt())
                .withHttpStatus(status)
                .withPlatformErrorCode(code.orElse(null))
                .withRetryAfter(retryAfter.orElse(null));
        String message = request + " answered HTTP " + status
                + description.map(d -> ": " + Redactor.redactText(truncate(d))).orElse("")
                + code.map(c -> " (platform code " + truncate(c) + ")").orElse("");
        if (status == 401 || status == 403) {
            return new AuthenticationException(message + "; check the client's credentials", details, null);
        }
        return new PlatformException(message, details, null);
    }

    private static Optional<String> firstText(JsonNode node, String[] fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isValueNode() && !v.asText().isEmpty()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_DESCRIPTION ? s : s.substring(0, MAX_DESCRIPTION) + "…";
    }
}
