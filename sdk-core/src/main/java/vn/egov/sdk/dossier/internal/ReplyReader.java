package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;

/** Reads the {@code {error_code, message, result}} envelope leniently. Internal. */
public final class ReplyReader {
    private ReplyReader() {
    }

    /**
     * The {@code error_code} as text: a number as its integer text, a string trimmed; {@code null} when absent or
     * of another type (object, array, boolean, null).
     *
     * @param reply the reply object
     * @return the code text, or {@code null}
     */
    public static String code(JsonNode reply) {
        JsonNode c = reply.get("error_code");
        if (c == null) {
            return null;
        }
        if (c.isIntegralNumber()) {
            return c.bigIntegerValue().toString();
        }
        if (c.isNumber()) {
            return c.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (c.isTextual() && !c.asText().isBlank() && c.asText().length() <= 40) {
            return c.asText().trim();
        }
        return null;
    }

    /**
     * Whether a code text means success.
     *
     * @param code the code text
     * @return {@code true} for {@code 0}, {@code 00}
     */
    public static boolean isSuccess(String code) {
        return code.matches("0+");
    }

    /**
     * The typed reply.
     *
     * @param service the service called
     * @param reply the reply object
     * @return the reply
     * @throws AdapterException of fault PLATFORM when {@code error_code} is missing or not a number or string
     */
    public static AdapterReply read(String service, JsonNode reply) {
        return read(AdapterWire.ADAPTER, service, reply);
    }

    /**
     * The typed reply of any party answering the envelope.
     *
     * @param party how the party is named in messages, for example {@code the provincial endpoint}
     * @param service the service called
     * @param reply the reply object
     * @return the reply
     * @throws AdapterException of fault PLATFORM when {@code error_code} is missing or not a number or string
     */
    public static AdapterReply read(String party, String service, JsonNode reply) {
        String code = code(reply);
        if (code == null) {
            throw new AdapterException(party + " answered " + service + " without a usable error_code",
                    ErrorDetails.of(Fault.PLATFORM, false), null, service, null, true);
        }
        JsonNode message = reply.path("message");
        return new AdapterReply(service, code, message.isValueNode() ? message.asText() : "", reply.get("result"));
    }
}
