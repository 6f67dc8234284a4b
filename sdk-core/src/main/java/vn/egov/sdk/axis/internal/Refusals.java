package vn.egov.sdk.axis.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import vn.egov.sdk.core.http.ApiResponse;

/**
 * What the axis clients share about refusals answered with HTTP 2xx (LGSP's {@code success:false}, VDXP's
 * {@code status:FAIL}): an interceptor turns such an answer into an error status so the runtime's retry rules and the
 * client's error mapper handle it like any error, keeping the body and noting the status the server really sent in
 * {@link #ORIGINAL_STATUS}; the mapper reports that status and a shortened description.
 */
public final class Refusals {
    /** Internal header carrying the HTTP status the server really sent. */
    public static final String ORIGINAL_STATUS = "X-Sdk-Axis-Original-Status";
    private static final int MAX_DESCRIPTION = 200;

    private Refusals() {
    }

    /**
     * Turns a 2xx refusal into an error response.
     *
     * @param response the response as received
     * @param refusalStatus the error status a 2xx body stands for, empty when the body is no refusal
     * @return {@code response} itself when it is not 2xx or not a refusal, else the same headers and body with
     *         the error status and {@link #ORIGINAL_STATUS}
     */
    public static ApiResponse asErrorStatus(ApiResponse response, Function<ApiResponse, OptionalInt> refusalStatus) {
        if (response.header(ORIGINAL_STATUS).isPresent()) {
            // the server sent it: only this class may set it, so that originalStatus() can trust it
            Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
            headers.keySet().removeIf(ORIGINAL_STATUS::equalsIgnoreCase);
            response = new ApiResponse(response.status(), headers, response.body());
        }
        if (!response.isSuccessful()) {
            return response;
        }
        OptionalInt status = refusalStatus.apply(response);
        if (status.isEmpty()) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put(ORIGINAL_STATUS, List.of(Integer.toString(response.status())));
        return new ApiResponse(status.getAsInt(), headers, response.body());
    }

    /**
     * The status the server really sent.
     *
     * @param response a response, possibly rewritten by {@link #asErrorStatus}
     * @return {@link #ORIGINAL_STATUS} when present (and a status), else the response's status
     */
    public static int originalStatus(ApiResponse response) {
        return response.header(ORIGINAL_STATUS).filter(v -> v.matches("[1-5][0-9]{2}")).map(Integer::parseInt)
                .orElse(response.status());
    }

    /**
     * A server-supplied description or code, cut to 200 characters (with an ellipsis) for exception messages.
     *
     * @param text the text
     * @return the text, shortened when longer
     */
    public static String shortened(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
    }
}
