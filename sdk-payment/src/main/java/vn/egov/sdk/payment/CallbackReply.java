package vn.egov.sdk.payment;

import java.nio.charset.StandardCharsets;
import vn.egov.sdk.core.ValidationException;

/**
 * The HTTP answer a vendor's callback endpoint sends back to the payment system. The reply is an
 * acknowledgement, not a veto: refusing a callback does not undo a payment the payer made.
 *
 * @param httpStatus the HTTP status
 * @param contentType the content type, for example {@code application/json; charset=UTF-8}
 * @param body the body bytes
 */
public record CallbackReply(int httpStatus, String contentType, byte[] body) {

    /**
     * Validates the components and copies the body.
     *
     * @param httpStatus the HTTP status, 100 to 599
     * @param contentType the content type
     * @param body the body
     */
    public CallbackReply {
        if (httpStatus < 100 || httpStatus > 599) {
            throw ValidationException.of("range", "CallbackReply.httpStatus", "an HTTP status is 100 to 599");
        }
        ValidationException.requireText(contentType, "CallbackReply.contentType");
        body = ValidationException.requireNonNull(body, "CallbackReply.body").clone();
    }

    /**
     * A JSON reply.
     *
     * @param httpStatus the HTTP status
     * @param json the JSON text
     * @return the reply
     */
    public static CallbackReply json(int httpStatus, String json) {
        return new CallbackReply(httpStatus, "application/json; charset=UTF-8",
                ValidationException.requireNonNull(json, "CallbackReply.json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body as a copy.
     *
     * @return the body bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
