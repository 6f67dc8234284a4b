package vn.egov.sdk.core.http;

import vn.egov.sdk.core.EgovException;

/**
 * Turns a non-2xx response into the SDK's typed exception. Each platform client supplies one that reads its
 * platform's error body; {@link DefaultErrorMapper} handles plain HTTP.
 */
@FunctionalInterface
public interface ErrorMapper {
    /**
     * Maps the response of a failed attempt.
     *
     * @param request the request sent
     * @param response the non-2xx response
     * @param context the attempt
     * @param retryable whether the retry policy considers the status worth repeating
     * @return the exception describing the failure (not thrown by the mapper)
     */
    EgovException map(ApiRequest request, ApiResponse response, AttemptContext context, boolean retryable);
}
