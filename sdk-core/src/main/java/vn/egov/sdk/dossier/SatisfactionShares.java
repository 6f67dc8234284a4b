package vn.egov.sdk.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.egov.sdk.core.ValidationException;

/**
 * The three shares of a satisfaction rating, in percent: rất hài lòng (very satisfied), hài lòng (satisfied) and
 * chưa hài lòng (not yet satisfied). The portal takes them as text with a {@code %} sign; "chưa hài lòng" is
 * computed as {@code 100 − (rất hài lòng + hài lòng)} so the three add up to 100, as the integrators seen do.
 *
 * @param veryHappy the "rất hài lòng" share, 0 to 100
 * @param happy the "hài lòng" share, 0 to 100
 * @param notHappy the "chưa hài lòng" share, 0 to 100
 */
public record SatisfactionShares(BigDecimal veryHappy, BigDecimal happy, BigDecimal notHappy) {
    /** Shares are computed to this many decimal places. */
    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks the components are set and gives each its shortest scale (so {@code 60.0} equals {@code 60}).
     *
     * @param veryHappy the "rất hài lòng" share
     * @param happy the "hài lòng" share
     * @param notHappy the "chưa hài lòng" share
     * @throws ValidationException when one is {@code null}
     */
    public SatisfactionShares {
        ValidationException.requireNonNull(veryHappy, "SatisfactionShares.veryHappy");
        ValidationException.requireNonNull(happy, "SatisfactionShares.happy");
        ValidationException.requireNonNull(notHappy, "SatisfactionShares.notHappy");
        veryHappy = canonical(veryHappy);
        happy = canonical(happy);
        notHappy = canonical(notHappy);
    }

    private static BigDecimal canonical(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * The shares of counted answers: each of the first two rounded half-up to {@value #SCALE} decimal places, the
     * third the rest of 100. With no answers at all every share is 0.
     *
     * @param veryHappy how many answered "rất hài lòng"
     * @param happy how many answered "hài lòng"
     * @param notHappy how many answered "chưa hài lòng"
     * @return the shares
     * @throws ValidationException when a count is negative
     */
    public static SatisfactionShares ofCounts(long veryHappy, long happy, long notHappy) {
        requireCount(veryHappy, "veryHappy");
        requireCount(happy, "happy");
        requireCount(notHappy, "notHappy");
        BigDecimal total = BigDecimal.valueOf(veryHappy).add(BigDecimal.valueOf(happy))
                .add(BigDecimal.valueOf(notHappy));
        if (total.signum() == 0) {
            return new SatisfactionShares(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal a = share(veryHappy, total);
        BigDecimal b = share(happy, total);
        return new SatisfactionShares(a, b, HUNDRED.subtract(a).subtract(b).stripTrailingZeros());
    }

    /**
     * The shares from the first two, "chưa hài lòng" being the rest of 100.
     *
     * @param veryHappy the "rất hài lòng" share
     * @param happy the "hài lòng" share
     * @return the shares
     * @throws ValidationException when one is {@code null}, negative, or both add up to more than 100
     */
    public static SatisfactionShares of(BigDecimal veryHappy, BigDecimal happy) {
        ValidationException.requireNonNull(veryHappy, "SatisfactionShares.veryHappy");
        ValidationException.requireNonNull(happy, "SatisfactionShares.happy");
        BigDecimal rest = HUNDRED.subtract(veryHappy).subtract(happy);
        if (veryHappy.signum() < 0 || happy.signum() < 0 || rest.signum() < 0) {
            throw ValidationException.of("range", "SatisfactionShares",
                    "SatisfactionShares: each share must be 0 or more and the two must add up to 100 or less");
        }
        return new SatisfactionShares(veryHappy, happy, rest.stripTrailingZeros());
    }

    /**
     * The sum of the three shares.
     *
     * @return the sum, 100 for consistent shares (0 when nobody answered)
     */
    public BigDecimal total() {
        return veryHappy.add(happy).add(notHappy);
    }

    private static BigDecimal share(long count, BigDecimal total) {
        return BigDecimal.valueOf(count).multiply(HUNDRED).divide(total, SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private static void requireCount(long count, String name) {
        if (count < 0) {
            throw ValidationException.of("range", "SatisfactionShares." + name,
                    "SatisfactionShares." + name + " must be 0 or more");
        }
    }
}
