package vn.egov.sdk.payment.dvcqg.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.internal.ChecksumDiagnosis;
import vn.egov.sdk.payment.internal.Checksums;

/**
 * Reads and checks a body in the callback's shape (a result callback, or a {@code QUERY} answer): its fields, the
 * amount, the partner code and the checksum over the callback's field order with the configured partner code.
 * Store checks (reference known, amount unchanged) are the client's.
 */
public final class DvcqgCallbackReader {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final String[] REQUIRED = {"LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien",
        "ThoiGianGD", "MaXacThuc"};

    private final String partnerCode;
    private final UnaryOperator<String> checksum;
    private final int maxBytes;

    /** A body that verified. */
    public record Verified(Map<String, String> fields, long amount) {
    }

    /**
     * @param partnerCode the configured {@code MaDoiTac}
     * @param checksum signed string (without secret) to its checksum (secret appended by the function)
     * @param maxBytes the largest body read
     */
    public DvcqgCallbackReader(String partnerCode, UnaryOperator<String> checksum, int maxBytes) {
        this.partnerCode = partnerCode;
        this.checksum = checksum;
        this.maxBytes = maxBytes;
    }

    /**
     * Parses a raw body, then checks it.
     *
     * @param raw the body
     * @return the fields and the amount
     * @throws CallbackVerificationException saying why it did not verify
     */
    public Verified read(byte[] raw) {
        Map<String, String> fields;
        try {
            fields = DvcqgJson.flatObject(raw, maxBytes);
        } catch (DvcqgJson.Unreadable e) {
            throw new CallbackVerificationException(CallbackFailure.MALFORMED, null, null, e.getMessage());
        }
        return check(fields);
    }

    /**
     * Checks a body already parsed (the inner object of a {@code QUERY} answer).
     *
     * @param node the object
     * @return the fields and the amount
     * @throws CallbackVerificationException saying why it did not verify
     */
    public Verified check(JsonNode node) {
        try {
            return check(DvcqgJson.scalars(node));
        } catch (DvcqgJson.Unreadable e) {
            throw new CallbackVerificationException(CallbackFailure.MALFORMED, null, null, e.getMessage());
        }
    }

    private Verified check(Map<String, String> fields) {
        for (String name : REQUIRED) {
            if (fields.getOrDefault(name, "").isEmpty()) {
                throw new CallbackVerificationException(CallbackFailure.MISSING_FIELD, name, null,
                        "the field " + name + " is missing or empty");
            }
        }
        String amountText = amount(fields.get("SoTien"));
        if (!partnerCode.equals(fields.get("MaDoiTac"))) {
            throw new CallbackVerificationException(CallbackFailure.PARTNER_MISMATCH, "MaDoiTac", null,
                    "MaDoiTac is not this client's partner code: the callback is for another merchant");
        }
        // MaDoiTac equals the configured code here, so the body's values are the ones to sign
        String signed = DvcqgSigning.signed(DvcqgSigning.CALLBACK_FIELDS, fields);
        String received = fields.get("MaXacThuc");
        if (!Checksums.matches(checksum.apply(signed), received)) {
            Map<String, String> values = fields;
            Map<String, String> reordered = new LinkedHashMap<>(values);
            String time = values.get("ThoiGianGD");
            Map<String, String> twelve = new LinkedHashMap<>(values);
            twelve.put("ThoiGianGD", ChecksumDiagnosis.twelveHourClock(time));
            ChecksumDiagnosis diagnosis = new ChecksumDiagnosis(checksum, received)
                    .variant(CallbackFailure.FIELD_ORDER, fieldOrderVariant(reordered));
            if (!twelve.get("ThoiGianGD").equals(time)) {
                diagnosis.variant(CallbackFailure.TWELVE_HOUR_CLOCK,
                        DvcqgSigning.signed(DvcqgSigning.CALLBACK_FIELDS, twelve));
            }
            CallbackFailure failure = diagnosis.unicodeForms(signed).explain();
            throw new CallbackVerificationException(failure, "MaXacThuc", DvcqgSigning.masked(signed),
                    explain(failure));
        }
        return new Verified(fields, Long.parseLong(amountText));
    }

    private static String fieldOrderVariant(Map<String, String> values) {
        // the request's order of the two fields: ThongTinGiaoDich before ThoiGianGD
        return DvcqgSigning.signed(java.util.List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien",
                "MaTienTe", "MaGiaoDich", "MaNganHang", "ThongTinGiaoDich", "ThoiGianGD"), values);
    }

    private static String amount(String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw new CallbackVerificationException(CallbackFailure.MALFORMED, "SoTien", null,
                    "SoTien must be a whole, non-negative number of VND of at most 18 digits, written as digits");
        }
        return text;
    }

    private static String explain(CallbackFailure failure) {
        switch (failure) {
            case FIELD_ORDER:
                return "MaXacThuc matches the fields in the request's order (ThongTinGiaoDich before ThoiGianGD);"
                        + " a callback is signed in its own order (…|MaNganHang|ThoiGianGD|ThongTinGiaoDich|secret)";
            case TWELVE_HOUR_CLOCK:
                return "MaXacThuc matches ThoiGianGD written on a 12-hour clock: the sender formats hours as hh,"
                        + " not HH";
            case UNICODE_FORM:
                return "MaXacThuc matches the text in another Unicode normal form (NFC versus NFD Vietnamese)";
            default:
                return "MaXacThuc does not match: a wrong key (test key against production?) or altered fields";
        }
    }
}
