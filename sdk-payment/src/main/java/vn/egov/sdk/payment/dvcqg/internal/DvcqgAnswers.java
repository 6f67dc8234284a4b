package vn.egov.sdk.payment.dvcqg.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;

/** Reads the platform's answers: the envelope, {@code MaLoi}, {@code UrlThanhToan}; failures as {@link PlatformException}. */
public final class DvcqgAnswers {
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private DvcqgAnswers() {
    }

    /**
     * The platform's own answer inside its envelope.
     *
     * @param body the response body
     * @param type the message type, for messages
     * @param envelope unwraps the envelope
     * @return the inner object
     * @throws PlatformException when the body is unreadable or the envelope reports a failure
     */
    public static JsonNode inner(byte[] body, String type, Function<JsonNode, Optional<JsonNode>> envelope) {
        JsonNode parsed;
        try {
            parsed = DvcqgJson.object(body, MAX_ANSWER_BYTES);
        } catch (DvcqgJson.Unreadable e) {
            throw platform("the " + type + " answer is unreadable: " + e.getMessage(), null);
        }
        return envelope.apply(parsed).orElseThrow(() -> platform("the " + type + " answer reports a failure "
                + "in its envelope (error_code " + parsed.path("error_code").asText("?") + ")",
                parsed.path("error_code").asText(null)));
    }

    /**
     * Refuses an answer whose {@code MaLoi} is there and not {@code 00}.
     *
     * @param answer the inner answer
     * @param type the message type
     * @throws PlatformException carrying the code
     */
    public static void requireSuccess(JsonNode answer, String type) {
        JsonNode code = answer.get("MaLoi");
        if (code != null && !"00".equals(code.asText())) {
            throw platform("the platform refused " + type + ": MaLoi " + code.asText() + " "
                    + answer.path("MoTaLoi").asText(""), code.asText());
        }
    }

    /**
     * {@code UrlThanhToan}, an absolute http(s) URL.
     *
     * @param answer the inner answer
     * @param type the message type
     * @return the URL
     * @throws PlatformException when it is missing or not such a URL
     */
    public static URI paymentUrl(JsonNode answer, String type) {
        String text = answer.path("UrlThanhToan").asText("");
        try {
            URI url = URI.create(text);
            if (url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw platform("the " + type + " answer has no usable UrlThanhToan", null);
    }

    /**
     * The MaLoi of a body that is not the expected PDF, if it is JSON.
     *
     * @param body the body
     * @return the code, or {@code null}
     */
    public static String codeOf(byte[] body) {
        try {
            return DvcqgJson.object(body, MAX_ANSWER_BYTES).path("MaLoi").asText(null);
        } catch (DvcqgJson.Unreadable e) {
            return null;
        }
    }

    /**
     * A platform failure, not repeated.
     *
     * @param message what went wrong
     * @param code the platform's code, or {@code null}
     * @return the exception
     */
    public static PlatformException platform(String message, String code) {
        ErrorDetails details = ErrorDetails.of(Fault.PLATFORM, false);
        if (code != null && !code.isEmpty()) {
            details = details.withPlatformErrorCode(code);
        }
        return new PlatformException(message, details, null);
    }
}
