package vn.egov.sdk.payment.paygov;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.internal.ChecksumDiagnosis;
import vn.egov.sdk.payment.internal.Checksums;
import vn.egov.sdk.payment.internal.SignedStrings;

/**
 * [INFERRED] A result-checksum scheme for PayGov callbacks: lowercase hex SHA-256 over the UTF-8 bytes of
 * {@code secretKey} followed by the fields' values with no separator, by default every field in body order but
 * {@code checksum} (the same shape as PayGov's documented request checksum). PayGov does not publish its result
 * scheme; confirm it with the operator and configure the field list, or supply another
 * {@link PayGovResultVerifier}. The sandbox signs its callbacks this way. On a mismatch it names the likely cause:
 * another field order, a 12-hour {@code payDate}, or Vietnamese text in another Unicode form. Immutable.
 */
public final class PayGovSha256ResultVerifier implements PayGovResultVerifier {
    /** The checksum field's name. */
    public static final String CHECKSUM = "checksum";
    /** The callback fields in the order PayGov documents them (checksum excluded). */
    public static final List<String> DOCUMENTED_ORDER = List.of("orderId", "amount", "orderInfo", "requestCode",
            "transactionNo", "payDate", "paygate", "errorCode", "type", "transactionCode");

    private final Secret secretKey;
    private final List<String> fields;
    /** The field names as an array, walked without an iterator; {@code null} for body order. */
    private final String[] order;
    /** SHA-256 that has already consumed the secret's UTF-8 bytes: each call clones it and adds the fields. */
    private final Checksums.PreparedSha256 keyed;

    private PayGovSha256ResultVerifier(Secret secretKey, List<String> fields) {
        this.secretKey = ValidationException.requireNonNull(secretKey, "PayGovSha256ResultVerifier.secretKey");
        this.fields = fields;
        this.order = fields == null ? null : fields.toArray(new String[0]);
        this.keyed = Checksums.sha256Prefixed(secretKey.revealBytes());
    }

    /**
     * The default: every field in body order but {@code checksum}.
     *
     * @param secretKey the partner's secret key
     * @return the verifier
     * @throws ValidationException when the key is missing
     */
    public static PayGovSha256ResultVerifier of(Secret secretKey) {
        return new PayGovSha256ResultVerifier(secretKey, null);
    }

    /**
     * A copy that signs exactly these fields in this order (a missing field counts as empty text).
     *
     * @param names the field names, at least one
     * @return the copy
     * @throws ValidationException when the list is empty or names {@code checksum}
     */
    public PayGovSha256ResultVerifier withFields(List<String> names) {
        List<String> copy = List.copyOf(ValidationException.requireElements(names,
                "PayGovSha256ResultVerifier.fields"));
        if (copy.contains(CHECKSUM)) {
            throw ValidationException.of("signed", "PayGovSha256ResultVerifier.fields",
                    "the checksum cannot sign itself");
        }
        return new PayGovSha256ResultVerifier(secretKey, copy);
    }

    @Override
    public void verify(Map<String, String> body) {
        String received = body.get(CHECKSUM);
        if (received == null || received.isEmpty()) {
            throw new CallbackVerificationException(CallbackFailure.MISSING_FIELD, CHECKSUM, null,
                    "the callback has no checksum");
        }
        String signed = order != null ? join(order, body) : joinBodyOrder(body);
        if (keyed.matches(signed, received)) {
            return;
        }
        throw mismatch(body, signed, received);
    }

    /** Only after a mismatch: tries the usual wrong variants to name the cause. */
    private CallbackVerificationException mismatch(Map<String, String> body, String signed, String received) {
        List<String> names = fields != null ? fields : bodyOrder(body);
        ChecksumDiagnosis diagnosis = new ChecksumDiagnosis(keyed::hex, received);
        List<String> other = fields != null ? bodyOrder(body) : DOCUMENTED_ORDER;
        if (!other.equals(names)) {
            diagnosis.variant(CallbackFailure.FIELD_ORDER, join(other.toArray(new String[0]), body));
        }
        String payDate = body.get("payDate");
        String twelve = ChecksumDiagnosis.twelveHourClock(payDate);
        if (payDate != null && !twelve.equals(payDate)) {
            Map<String, String> copy = new java.util.LinkedHashMap<>(body);
            copy.put("payDate", twelve);
            diagnosis.variant(CallbackFailure.TWELVE_HOUR_CLOCK, join(names.toArray(new String[0]), copy));
        }
        diagnosis.unicodeForms(signed);
        CallbackFailure failure = diagnosis.explain();
        return new CallbackVerificationException(failure, CHECKSUM, SignedStrings.MASK + signed, message(failure));
    }

    private static String message(CallbackFailure failure) {
        return switch (failure) {
            case FIELD_ORDER -> "the checksum matches the fields in another order: the sender joins them differently";
            case TWELVE_HOUR_CLOCK -> "the checksum matches payDate on a 12-hour clock: the sender formats hours wrongly";
            case UNICODE_FORM -> "the checksum matches the text in another Unicode normal form (NFC/NFD)";
            default -> "the checksum does not match: a wrong secret key, another environment's key, or altered fields";
        };
    }

    private static List<String> bodyOrder(Map<String, String> body) {
        List<String> names = new ArrayList<>(body.keySet());
        names.remove(CHECKSUM);
        return names;
    }

    private static String join(String[] names, Map<String, String> body) {
        int size = 0;
        for (String name : names) {
            String v = body.get(name);
            size += v == null ? 0 : v.length();
        }
        StringBuilder b = new StringBuilder(size);
        for (String name : names) {
            String v = body.get(name);
            if (v != null) {
                b.append(v);
            }
        }
        return b.toString();
    }

    /** Every value but the checksum, in body order, in one builder sized ahead. */
    private static String joinBodyOrder(Map<String, String> body) {
        int size = 0;
        for (Map.Entry<String, String> e : body.entrySet()) {
            String v = e.getValue();
            size += v == null ? 0 : v.length();
        }
        StringBuilder b = new StringBuilder(size);
        for (Map.Entry<String, String> e : body.entrySet()) {
            String v = e.getValue();
            if (v != null && !CHECKSUM.equals(e.getKey())) {
                b.append(v);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "PayGovSha256ResultVerifier[fields=" + (fields == null ? "body order" : fields) + "]";
    }
}
