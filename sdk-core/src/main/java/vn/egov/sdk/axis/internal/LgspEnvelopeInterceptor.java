package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;

/**
 * LGSP v1 refuses with HTTP 200 and {@code {success:false, message, data:{errorCode, errorDesc}}}. This
 * interceptor turns such an answer into the status its code stands for ({@link LgspErrorCode#equivalentStatus()},
 * 422 for unknown codes), keeping the body and noting the real status in {@link #ORIGINAL_STATUS}, so the runtime
 * maps it with {@link LgspErrorMapper} and retries a retryable code of a safe call like a 5xx.
 */
public final class LgspEnvelopeInterceptor implements HttpInterceptor {
    /** Internal header carrying the status the server really sent. */
    public static final String ORIGINAL_STATUS = "X-Sdk-Lgsp-Original-Status";

    @Override
    public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
        if (!response.isSuccessful()) {
            return response;
        }
        Optional<JsonNode> body = LgspJson.tryParse(response.body());
        if (body.isEmpty() || !body.get().isObject()) {
            return response;
        }
        JsonNode success = body.get().get("success");
        if (success == null || !success.isBoolean() || success.asBoolean()) {
            return response;
        }
        int status = LgspJson.errorCode(body.get()).flatMap(LgspErrorCode::of)
                .filter(c -> c != LgspErrorCode.OK)
                .map(LgspErrorCode::equivalentStatus).orElse(422);
        Map<String, List<String>> headers = new HashMap<>(response.headers());
        headers.put(ORIGINAL_STATUS, List.of(Integer.toString(response.status())));
        return new ApiResponse(status, headers, response.body());
    }
}
