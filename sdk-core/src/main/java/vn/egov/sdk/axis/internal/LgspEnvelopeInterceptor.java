package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;

/**
 * LGSP v1 refuses with HTTP 200 and {@code {success:false, message, data:{errorCode, errorDesc}}}. This
 * interceptor turns such an answer into the status its code stands for ({@link LgspErrorCode#equivalentStatus()},
 * 422 for unknown codes), keeping the body and noting the real status in {@link Refusals#ORIGINAL_STATUS}, so the
 * runtime maps it with {@link LgspErrorMapper} and retries a retryable code of a safe call like a 5xx.
 */
public final class LgspEnvelopeInterceptor implements HttpInterceptor {
    @Override
    public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
        return Refusals.asErrorStatus(response, LgspEnvelopeInterceptor::refusalStatus);
    }

    private static OptionalInt refusalStatus(ApiResponse response) {
        Optional<JsonNode> body = JsonFields.parse(response.body());
        if (body.isEmpty() || !body.get().isObject()) {
            return OptionalInt.empty();
        }
        JsonNode success = body.get().get("success");
        if (success == null || !success.isBoolean() || success.asBoolean()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(LgspErrorCode.codeIn(body.get()).flatMap(LgspErrorCode::of)
                .filter(c -> c != LgspErrorCode.OK)
                .map(LgspErrorCode::equivalentStatus).orElse(422));
    }
}
