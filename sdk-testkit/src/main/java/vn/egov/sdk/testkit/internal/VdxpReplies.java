package vn.egov.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The axis' answer envelope {@code {status, ErrorCode, ErrorDesc, ...}}. A refusal carries {@code "DocId": ""} as well:
 * the official client (SDKVXP 2.0.1) reads {@code DocId} unconditionally and would otherwise throw and lose the error.
 */
public final class VdxpReplies {

    private VdxpReplies() {
    }

    /**
     * A success: {@code status OK}, {@code ErrorCode "0"} and the given members.
     *
     * @param members the other members, in order
     * @return HTTP 200 with the envelope
     */
    public static SimResponse ok(Map<String, Object> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "OK");
        body.put("ErrorCode", "0");
        body.put("ErrorDesc", "");
        body.putAll(members);
        return SimResponse.json(200, body);
    }

    /**
     * A refusal, answered with HTTP 200 as the axis does.
     *
     * @param code the error code
     * @param description what is wrong
     * @return HTTP 200 with {@code status FAIL} and an empty {@code DocId}
     */
    public static SimResponse fail(String code, String description) {
        return fail(200, code, description);
    }

    /**
     * A refusal with another HTTP status (500 for an internal error).
     *
     * @param httpStatus the status
     * @param code the error code
     * @param description what is wrong
     * @return the response
     */
    public static SimResponse fail(int httpStatus, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "FAIL");
        body.put("ErrorCode", code);
        body.put("ErrorDesc", description);
        // the official client reads DocId after ErrorDesc whatever the status, and loses the error without it
        body.put("DocId", "");
        return SimResponse.json(httpStatus, body);
    }
}
