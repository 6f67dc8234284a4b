package vn.egov.sdk.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ErrorMapper;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.RetryAfterHeader;
import vn.egov.sdk.identity.LoginProviderException;

/**
 * Maps an OAuth endpoint's error answer (RFC 6749 §5.2 JSON, or RFC 6750 §3 {@code WWW-Authenticate}) to a
 * {@link LoginProviderException} with the error code, the stage and the fault of that class.
 */
public final class OAuthErrorMapper implements ErrorMapper {
    private static final Pattern BEARER_ERROR = Pattern.compile("error=\"([^\"]{1,64})\"");
    private static final Pattern BEARER_DESCRIPTION = Pattern.compile("error_description=\"([^\"]{0,400})\"");

    private final Function<ApiRequest, LoginProviderException.Stage> stages;

    /**
     * @param stages which endpoint a request went to
     */
    public OAuthErrorMapper(Function<ApiRequest, LoginProviderException.Stage> stages) {
        this.stages = stages;
    }

    @Override
    public EgovException map(ApiRequest request, ApiResponse response, AttemptContext context, boolean retryable) {
        int status = response.status();
        Optional<JsonNode> body = Json.tryParseObject(response.bodyStream());
        String error = body.map(b -> text(b, "error")).orElse(null);
        String description = body.map(b -> text(b, "error_description")).orElse(null);
        if (error == null) {
            String challenge = response.header("WWW-Authenticate").orElse("");
            Matcher e = BEARER_ERROR.matcher(challenge);
            if (e.find()) {
                error = e.group(1);
                Matcher d = BEARER_DESCRIPTION.matcher(challenge);
                description = d.find() ? d.group(1) : null;
            }
        }
        Fault fault = LoginProviderException.faultOf(error, status);
        boolean again = retryable || "temporarily_unavailable".equals(error);
        ErrorDetails details = ErrorDetails.of(fault, fault == Fault.PLATFORM && again)
                .withCall(context.correlationId(), context.attempt())
                .withHttpStatus(status)
                .withPlatformErrorCode(error)
                .withRetryAfter(RetryAfterHeader.parse(response.header("Retry-After").orElse(null),
                        context.startedAt()).orElse(null));
        return new LoginProviderException(stages.apply(request), error,
                description != null ? description : "HTTP " + status, details);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
