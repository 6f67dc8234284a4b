package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.internal.Redactor;

/**
 * The reply envelope of a DVCQG adapter call, {@code {error_code, message, result}}, read leniently.
 *
 * <p>{@code error_code} arrives as the number {@code 0}, the string {@code "0"} or the string {@code "00"} for
 * success depending on the deployment; all three (and any other all-zero digit string) are
 * {@linkplain #success() success}. Any other code is kept as its text in {@link #errorCode()}. The portal's
 * "đã tồn tại" (the dossier already exists) refusal is recognised by its code, {@code 3} or {@code -3}, never by the
 * message text alone: see {@link #alreadyExists()}.
 */
public final class AdapterReply {
    private final String service;
    private final String errorCode;
    private final String message;
    private final JsonNode result;

    /**
     * Creates a reply.
     *
     * @param service the service that was called, for example {@code DongBoHoSoMC}
     * @param errorCode the {@code error_code} as text, for example {@code 0}, {@code 00} or {@code -3}
     * @param message the {@code message}, empty when absent
     * @param result the {@code result}, a missing node when absent
     */
    public AdapterReply(String service, String errorCode, String message, JsonNode result) {
        this.service = Objects.requireNonNullElse(service, "");
        this.errorCode = Objects.requireNonNullElse(errorCode, "");
        this.message = Objects.requireNonNullElse(message, "");
        this.result = result == null ? MissingNode.getInstance() : result;
    }

    /**
     * The service that was called.
     *
     * @return the service name, for example {@code DongBoHoSoMC}
     */
    public String service() {
        return service;
    }

    /**
     * The {@code error_code} as the portal sent it, as text (a number {@code 0} becomes {@code "0"}).
     *
     * @return the code
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Whether the portal accepted the call: {@code error_code} is {@code 0}, {@code "0"} or {@code "00"}.
     *
     * @return {@code true} on success
     */
    public boolean success() {
        return isSuccessCode(errorCode);
    }

    /**
     * Whether the portal refused a create because the record already exists ("đã tồn tại"): {@code error_code}
     * {@code 3} or {@code -3}, whatever the message says. Such a record should be re-sent as an update.
     *
     * @return {@code true} for the "already exists" code
     */
    public boolean alreadyExists() {
        String c = errorCode.trim();
        return c.equals("3") || c.equals("-3") || c.equals("03") || c.equals("-03");
    }

    /**
     * The {@code message} of the reply, often Vietnamese ("Thành công", "Hồ sơ đã tồn tại").
     *
     * @return the message, empty when the portal sent none
     */
    public String message() {
        return message;
    }

    /**
     * The {@code result} of the reply.
     *
     * @return the result, a {@link MissingNode} when the portal sent none
     */
    public JsonNode result() {
        return result;
    }

    /**
     * This reply if it is a success, else an {@link AdapterException} of fault CALLER carrying it.
     *
     * @return this reply, successful
     * @throws AdapterException if the portal refused the call
     */
    public AdapterReply orThrow() {
        if (success()) {
            return this;
        }
        throw new AdapterException("the portal refused " + service + " with error_code "
                + Redactor.printable(errorCode, 40) + ": " + Redactor.printable(message, 200),
                ErrorDetails.of(Fault.CALLER, false).withPlatformErrorCode(errorCode), null, service, this, false);
    }

    /**
     * Whether an {@code error_code} text means success: an all-zero digit string, or zero as a number.
     *
     * @param code the code as text
     * @return {@code true} for {@code 0}, {@code 00}, {@code 0.0}
     */
    static boolean isSuccessCode(String code) {
        String c = code.trim();
        return c.matches("0+") || c.matches("0+\\.0*");
    }

    @Override
    public String toString() {
        return "AdapterReply[" + service + ", error_code=" + Redactor.printable(errorCode, 40) + ", message="
                + Redactor.printable(message, 200) + "]";
    }
}
