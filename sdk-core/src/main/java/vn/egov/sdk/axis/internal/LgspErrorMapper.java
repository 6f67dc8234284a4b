package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ErrorMapper;

/**
 * Maps LGSP v1 failures: a body with an {@code errorCode} of {@link LgspErrorCode}'s table becomes that entry's
 * exception; otherwise 401/403 become {@link AuthenticationException}, 5xx/429/408 a retryable
 * {@link PlatformException}, other statuses a {@link PlatformException} of the caller.
 */
public final class LgspErrorMapper implements ErrorMapper {
    @Override
    public EgovException map(ApiRequest request, ApiResponse response, AttemptContext context, boolean retryable) {
        int status = Refusals.originalStatus(response);
        Optional<JsonNode> body = JsonFields.parse(response.body()).filter(JsonNode::isObject);
        Optional<String> code = body.flatMap(LgspErrorCode::codeIn);
        Optional<String> description = body.flatMap(LgspErrorCode::descriptionIn)
                .map(d -> vn.egov.sdk.core.internal.Redactor.printable(d, 200));
        ErrorDetails details = ErrorDetails.of(Fault.CALLER, false)
                .withCall(context.correlationId(), context.attempt())
                .withHttpStatus(status)
                .withPlatformErrorCode(code.orElse(null));
        String message = request + " answered HTTP " + status + description.map(d -> ": " + d).orElse("");
        Optional<LgspErrorCode> known = code.flatMap(LgspErrorCode::of).filter(c -> c != LgspErrorCode.OK);
        if (known.isPresent()) {
            return known.get().toException(message, details);
        }
        int effective = response.status();
        if (effective == 401 || effective == 403) {
            return new AuthenticationException(message + "; check the LGSP account and the system's credentials",
                    details, null);
        }
        boolean platformFault = effective >= 500 || effective == 429 || effective == 408;
        ErrorDetails d = new ErrorDetails(platformFault ? Fault.PLATFORM : Fault.CALLER, retryable,
                details.correlationId(), details.attempts(), details.httpStatus(), details.platformErrorCode(),
                details.retryAfter());
        return new PlatformException(message + code.map(c -> " (LGSP code " + c + ")").orElse(""), d, null);
    }
}
