package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.CounterpartyException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;

/**
 * The error-code table of the LGSP "Liên thông văn bản" REST v1, the one place that
 * decides which exception each {@code errorCode} becomes. Another provincial variant (Bkav) gets its own table
 * beside this one; callers only see the SDK's exception types and {@code platformErrorCode()}.
 */
public enum LgspErrorCode {
    /** {@code 0}: success. */
    OK("0", Kind.NONE, Fault.PLATFORM, false, "OK"),
    /** {@code 10}: the uploaded file is not a usable file (the caller's upload). */
    INVALID_FILE("10", Kind.PLATFORM, Fault.CALLER, false, "invalid file"),
    /** {@code 15}: wrong {@code X-SystemId} / {@code X-SecretKey}. */
    WRONG_SYSTEM_CREDENTIALS("15", Kind.AUTHENTICATION, Fault.CALLER, false, "wrong SystemId or SecretKey"),
    /** {@code 18}: a recipient is not known to the axis. */
    RECIPIENT_NOT_FOUND("18", Kind.COUNTERPARTY, Fault.COUNTERPARTY, false, "recipient not found"),
    /**
     * {@code 19}: the sender organ is not registered for this system: a configuration matter, so
     * {@link AuthenticationException} (the system is not allowed to send as that organ).
     */
    SENDER_NOT_REGISTERED("19", Kind.AUTHENTICATION, Fault.CALLER, false, "sender not registered"),
    /** {@code 20}: the LGSP failed; a later repeat may succeed. */
    SYSTEM_ERROR("20", Kind.PLATFORM, Fault.PLATFORM, true, "LGSP system error"),
    /** {@code 21}: the LGSP could not process the file (not repeated: the same file would fail again). */
    FILE_PROCESSING_ERROR("21", Kind.PLATFORM, Fault.PLATFORM, false, "file processing error"),
    /** {@code 22}: the edXML does not conform; fix the package. */
    EDXML_NOT_CONFORMING("22", Kind.PLATFORM, Fault.CALLER, false, "edXML not conforming"),
    /** {@code 23}: the recipient is locked. */
    RECIPIENT_LOCKED("23", Kind.COUNTERPARTY, Fault.COUNTERPARTY, false, "recipient locked");

    /** Which exception type a code becomes. */
    enum Kind {
        NONE, AUTHENTICATION, COUNTERPARTY, PLATFORM
    }

    private final String code;
    private final Kind kind;
    private final Fault fault;
    private final boolean retryable;
    private final String meaning;

    LgspErrorCode(String code, Kind kind, Fault fault, boolean retryable, String meaning) {
        this.code = code;
        this.kind = kind;
        this.fault = fault;
        this.retryable = retryable;
        this.meaning = meaning;
    }

    /** The entry for a wire code, if the table has one. */
    public static Optional<LgspErrorCode> of(String wireCode) {
        String c = wireCode == null ? "" : wireCode.trim();
        for (LgspErrorCode e : values()) {
            if (e.code.equals(c)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The LGSP error code of a refusal body: {@code data.errorCode}, else {@code errorCode}.
     *
     * @param body the answer's JSON
     * @return the code as sent, or empty
     */
    public static Optional<String> codeIn(JsonNode body) {
        Optional<String> inData = body.path("data").isObject()
                ? JsonFields.text(body.get("data"), "errorCode", "ErrorCode") : Optional.empty();
        return inData.or(() -> JsonFields.text(body, "errorCode", "ErrorCode"));
    }

    /**
     * The description of a refusal body: {@code data.errorDesc}, else {@code message}.
     *
     * @param body the answer's JSON
     * @return the description, or empty
     */
    public static Optional<String> descriptionIn(JsonNode body) {
        Optional<String> inData = body.path("data").isObject()
                ? JsonFields.text(body.get("data"), "errorDesc", "ErrorDesc") : Optional.empty();
        return inData.or(() -> JsonFields.text(body, "errorDesc", "message"));
    }

    /** The wire code. */
    public String code() {
        return code;
    }

    /** Whether a later repeat may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** The meaning, in English. */
    public String meaning() {
        return meaning;
    }

    /**
     * The HTTP status the client treats an HTTP 200 refusal with this code as, so the runtime's retry rules
     * apply: 503 for a retryable code, 422 otherwise.
     */
    public int equivalentStatus() {
        return retryable ? 503 : 422;
    }

    /**
     * The exception for this code.
     *
     * @param message the message (without secrets)
     * @param details the call's details; fault and retryable are replaced by the table's
     */
    public EgovException toException(String message, ErrorDetails details) {
        ErrorDetails d = new ErrorDetails(fault, retryable, details.correlationId(), details.attempts(),
                details.httpStatus(), Optional.of(code), details.retryAfter());
        String m = message + " (LGSP code " + code + ": " + meaning + ")";
        return switch (kind) {
            case AUTHENTICATION -> new AuthenticationException(m, d, null);
            case COUNTERPARTY -> new CounterpartyException(m, d, null);
            default -> new PlatformException(m, d, null);
        };
    }
}
