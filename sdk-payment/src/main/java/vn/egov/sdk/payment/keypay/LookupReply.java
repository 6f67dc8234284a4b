package vn.egov.sdk.payment.keypay;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The answer to one payment lookup: the JSON to send the portal with HTTP 200, and, for the vendor's log only,
 * what went wrong when the answer is {@code error_code -1} (the portal sees only the code and an empty array).
 *
 * @param errorCode -1, 0 or 1
 * @param json the body, {@code {"error_code":…,"message":…}}
 * @param problem why the answer is -1, for the vendor's log; empty otherwise
 */
public record LookupReply(int errorCode, String json, Optional<String> problem) {

    /**
     * Validates the components.
     *
     * @param errorCode -1, 0 or 1
     * @param json the body
     * @param problem why the answer is -1, if it is
     */
    public LookupReply {
        if (errorCode < -1 || errorCode > 1) {
            throw ValidationException.of("range", "LookupReply.errorCode", "error_code is -1, 0 or 1");
        }
        ValidationException.requireText(json, "LookupReply.json");
        ValidationException.requireNonNull(problem, "LookupReply.problem");
    }

    /**
     * The body as UTF-8 bytes.
     *
     * @return the bytes
     */
    public byte[] body() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The content type to send.
     *
     * @return {@code application/json; charset=UTF-8}
     */
    public String contentType() {
        return "application/json; charset=UTF-8";
    }
}
