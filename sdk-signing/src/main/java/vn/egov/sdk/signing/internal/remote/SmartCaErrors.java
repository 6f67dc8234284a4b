package vn.egov.sdk.signing.internal.remote;

import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ErrorMapper;
import vn.egov.sdk.core.http.HttpInterceptor;

/**
 * Maps SmartCA's error envelope onto the SDK's exceptions. SmartCA may answer a refusal with an HTTP error status or
 * with HTTP 200 and a {@code status_code} other than 200; the {@linkplain #interceptor() interceptor} turns the latter
 * into that status (502 if it is not an HTTP error status) so the runtime's retry rules apply to both.
 *
 * <p>By status: 401 and 403 → {@link AuthenticationException} (the service provider's {@code sp_id} /
 * {@code sp_password}); 400 and 422 → {@link ValidationException} (the request broke the service's rules);
 * 404 → {@link PlatformException}, the caller's fault (unknown user, certificate or transaction); 408, 429 and 5xx →
 * {@link PlatformException}, the platform's fault, retryable; any other → {@link PlatformException}, the caller's.
 * Messages carry the service's text bounded and with ids masked, never request fields.
 */
public final class SmartCaErrors implements ErrorMapper {

    /** The interceptor turning a 2xx answer with a failing {@code status_code} into an error status. */
    public HttpInterceptor interceptor() {
        return new HttpInterceptor() {
            @Override
            public ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
                if (response.status() < 200 || response.status() >= 300) {
                    return response;
                }
                Optional<SmartCaEnvelope> env = SmartCaEnvelope.parse(response.body());
                if (env.isEmpty() || env.get().ok()) {
                    return response;
                }
                int code = env.get().statusCode().getAsInt();
                int status = code >= 400 && code <= 599 ? code : 502;
                return new ApiResponse(status, response.headers(), response.body());
            }
        };
    }

    @Override
    public EgovException map(ApiRequest request, ApiResponse response, AttemptContext context, boolean retryable) {
        int status = response.status();
        Optional<SmartCaEnvelope> env = SmartCaEnvelope.parse(response.body());
        OptionalInt code = env.map(SmartCaEnvelope::statusCode).orElse(OptionalInt.empty());
        String said = env.map(SmartCaEnvelope::message).filter(m -> !m.isBlank())
                .map(m -> ": " + Masking.shortText(m)).orElse("");
        String platformCode = code.isPresent() ? Integer.toString(code.getAsInt()) : null;
        String where = request.method() + " " + request.url().getRawPath();
        if (status == 401 || status == 403) {
            return new AuthenticationException("SmartCA refused the service provider's credentials (HTTP " + status
                    + said + ") on " + where + "; check sp_id and sp_password", details(Fault.CALLER, false, context,
                    status, platformCode), null);
        }
        if (status == 400 || status == 422) {
            return new ValidationException(java.util.List.of(new FieldError("smartca.rejected." + status,
                    "SmartCaClient.request", "SmartCA rejected the request on " + where + said)));
        }
        if (status == 404) {
            return new PlatformException("SmartCA knows no such user, certificate or transaction (HTTP 404" + said
                    + ") on " + where + "; check the user id and the certificate serial",
                    details(Fault.CALLER, false, context, status, platformCode), null);
        }
        boolean platformSide = status >= 500 || status == 429 || status == 408;
        return new PlatformException("SmartCA answered HTTP " + status + said + " on " + where
                + (platformSide ? "; the service failed, a later repeat may succeed" : ""),
                details(platformSide ? Fault.PLATFORM : Fault.CALLER, retryable, context, status, platformCode), null);
    }

    private static ErrorDetails details(Fault fault, boolean retryable, AttemptContext context, int status,
            String platformCode) {
        return ErrorDetails.of(fault, retryable).withCall(context.correlationId(), context.attempt())
                .withHttpStatus(status).withPlatformErrorCode(platformCode);
    }
}
