package vn.egov.sdk.payment.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgJson;

/**
 * How the platform's answers are wrapped. Two envelopes are seen: the platform's own, with {@code MaLoi} at the top
 * ({@link #DIRECT}), and a provincial proxy's {@code {error_code: "0", message: "<JSON text>"}} ({@link #PROXY});
 * {@link #AUTO} (the default) tells them apart. Implement it for another proxy.
 */
@FunctionalInterface
public interface InitResponseEnvelope {
    /**
     * The platform's own answer inside the envelope.
     *
     * @param body the parsed answer
     * @return the inner object, with {@code MaLoi} and {@code UrlThanhToan} where the platform sent them; empty
     *     when the envelope itself reports a failure or is not this envelope
     */
    Optional<JsonNode> unwrap(JsonNode body);

    /** The platform's answer as it is. */
    InitResponseEnvelope DIRECT = body -> Optional.of(body);

    /** A proxy's {@code {error_code, message}}: {@code error_code "0"} and {@code message} the inner JSON text. */
    InitResponseEnvelope PROXY = body -> {
        JsonNode code = body.get("error_code");
        JsonNode message = body.get("message");
        if (code == null || !"0".equals(code.asText()) || message == null) {
            return Optional.empty();
        }
        if (message.isObject()) {
            return Optional.of(message);
        }
        if (!message.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode inner = DvcqgJson.mapper().readTree(message.textValue());
            return inner != null && inner.isObject() ? Optional.of(inner) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    };

    /** {@link #PROXY} when the body has {@code error_code}, else {@link #DIRECT}. */
    InitResponseEnvelope AUTO = body -> body.has("error_code") ? PROXY.unwrap(body) : DIRECT.unwrap(body);
}
