package vn.egov.sdk.payment.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.egov.sdk.payment.CallbackFailure;

/**
 * Explains a checksum mismatch: recomputes the checksum over the usual wrong variants of the signed fields (another
 * field order, a 12-hour clock, the other Unicode normal form) and names the first that matches. Only run after
 * the genuine check failed, so it costs nothing on the happy path.
 */
public final class ChecksumDiagnosis {
    private final UnaryOperator<String> checksum;
    private final String received;
    private final List<Variant> variants = new ArrayList<>();

    private record Variant(CallbackFailure failure, String signed) {
    }

    /**
     * Starts a diagnosis.
     *
     * @param checksum computes the checksum of a signed string (secret included by the function)
     * @param received the checksum that came in
     */
    public ChecksumDiagnosis(UnaryOperator<String> checksum, String received) {
        this.checksum = checksum;
        this.received = received;
    }

    /**
     * Adds a variant to try.
     *
     * @param failure what it means if this variant matches
     * @param signed the variant's string, without the secret
     * @return this diagnosis
     */
    public ChecksumDiagnosis variant(CallbackFailure failure, String signed) {
        variants.add(new Variant(failure, signed));
        return this;
    }

    /**
     * Adds the NFC and NFD forms of a signed string as {@link CallbackFailure#UNICODE_FORM} variants.
     *
     * @param signed the string as the SDK built it
     * @return this diagnosis
     */
    public ChecksumDiagnosis unicodeForms(String signed) {
        String nfc = Normalizer.normalize(signed, Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(signed, Normalizer.Form.NFD);
        if (!nfc.equals(signed)) {
            variant(CallbackFailure.UNICODE_FORM, nfc);
        }
        if (!nfd.equals(signed)) {
            variant(CallbackFailure.UNICODE_FORM, nfd);
        }
        return this;
    }

    /**
     * The failure that explains the mismatch.
     *
     * @return the first variant's failure whose checksum matches, else {@link CallbackFailure#CHECKSUM_MISMATCH}
     */
    public CallbackFailure explain() {
        for (Variant v : variants) {
            if (Checksums.matches(checksum.apply(v.signed()), received)) {
                return v.failure();
            }
        }
        return CallbackFailure.CHECKSUM_MISMATCH;
    }

    /**
     * Rewrites a {@code yyyyMMddHHmmss} time as a 12-hour clock would have written it ({@code hh}: 13 → 01,
     * 00 → 12).
     *
     * @param time the 24-hour time
     * @return the 12-hour spelling, or the same text when it is not 14 digits or reads the same
     */
    public static String twelveHourClock(String time) {
        if (time == null || time.length() != 14 || !time.chars().allMatch(Character::isDigit)) {
            return time;
        }
        int hour = Integer.parseInt(time.substring(8, 10));
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        return time.substring(0, 8) + String.format("%02d", h12) + time.substring(10);
    }
}
