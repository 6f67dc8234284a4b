package vn.egov.sdk.payment.keypay;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.keypay.internal.KeypayWire;

/**
 * Answers the national portal's payment lookup {@code dptracuuthanhtoanhs}: the portal asks the province, by
 * {@code MaHoSo}, what a dossier has to pay. Framework-free: hand it the raw JSON body (or the form fields) and send
 * back {@link LookupReply#json()} with HTTP 200.
 *
 * <p>The answer is {@code {"error_code": -1, "message": []}} for an error (a bad request, an unknown dossier, the
 * source failed), {@code {"error_code": 0, "message": []}} when there is nothing to pay, also when the payment is
 * already done, and {@code {"error_code": 1, "message": {…}}} with an <em>object</em>: the bill info, then
 * {@code transaction_id}, {@code client_id}, {@code NgayQD} ({@code yyyyMMdd}) and {@code MaTraCuuTT} (dossier
 * number and {@code yyyyMMddHHmmss}). Nothing the request or the source does makes it throw. Thread-safe when the
 * source is.
 */
public final class PaymentLookupHandler {
    /** The largest body read. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** The longest {@code MaHoSo} accepted. */
    public static final int MAX_DOSSIER_CODE_LENGTH = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final PaymentLookupSource source;

    /**
     * Creates the handler.
     *
     * @param source what the vendor knows of its dossiers' payments
     */
    public PaymentLookupHandler(PaymentLookupSource source) {
        this.source = ValidationException.requireNonNull(source, "PaymentLookupHandler.source");
    }

    /**
     * Answers a lookup sent as a JSON body {@code {"MaHoSo": "…"}}.
     *
     * @param body the raw body, possibly {@code null}
     * @return the reply
     */
    public LookupReply handle(byte[] body) {
        Map<String, String> fields;
        try {
            fields = KeypayWire.fields(body, MAX_BODY_BYTES);
        } catch (KeypayWire.Malformed e) {
            return error("the lookup body is not readable: " + e.getMessage());
        }
        return handle(fields);
    }

    /**
     * Answers a lookup sent as form or query fields ({@code MaHoSo}).
     *
     * @param params the fields, possibly {@code null}
     * @return the reply
     */
    public LookupReply handle(Map<String, String> params) {
        String code = params == null ? null : params.get("MaHoSo");
        if (code == null || code.isBlank()) {
            return error("MaHoSo is missing");
        }
        if (code.length() > MAX_DOSSIER_CODE_LENGTH || code.chars().anyMatch(Character::isISOControl)) {
            return error("MaHoSo is longer than " + MAX_DOSSIER_CODE_LENGTH + " characters or holds control characters");
        }
        LookupAnswer answer;
        try {
            answer = source.lookup(code);
        } catch (RuntimeException e) {
            return error("the lookup source failed for " + code + ": " + e.getClass().getSimpleName());
        }
        if (answer == null || answer instanceof LookupAnswer.UnknownDossier) {
            return error("no dossier " + code);
        }
        if (answer instanceof LookupAnswer.Bill bill) {
            try {
                return bill(bill);
            } catch (RuntimeException e) {
                return error("the bill info of " + code + " cannot be written: " + e.getClass().getSimpleName());
            }
        }
        return reply(0, List.of(), Optional.empty());
    }

    private static LookupReply bill(LookupAnswer.Bill bill) {
        Map<String, Object> message = new LinkedHashMap<>(bill.billInfo());
        message.put("transaction_id", bill.transactionId());
        message.put("client_id", bill.clientId());
        message.put("NgayQD", DAY.format(bill.decisionDate()));
        message.put("MaTraCuuTT", bill.dossierNumber() + TIME.format(bill.lookupTime()));
        return reply(1, message, Optional.empty());
    }

    private static LookupReply error(String problem) {
        return reply(-1, List.of(), Optional.of(problem));
    }

    private static LookupReply reply(int code, Object message, Optional<String> problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return new LookupReply(code, KeypayWire.writeText(body), problem);
    }
}
