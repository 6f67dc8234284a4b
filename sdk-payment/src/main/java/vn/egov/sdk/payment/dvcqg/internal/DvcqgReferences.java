package vn.egov.sdk.payment.dvcqg.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * Makes merchant references ({@code MaThamChieu}) that fit a maximum length: with 20 characters or more, a
 * {@code yyMMddHHmmss} stamp and 8 random letters and digits; with fewer, random letters and digits only (32
 * symbols, no look-alikes). Thread-safe.
 */
public final class DvcqgReferences implements Supplier<String> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Clock clock;
    private final int maxLength;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param clock the clock of the stamp
     * @param maxLength the longest reference
     */
    public DvcqgReferences(Clock clock, int maxLength) {
        this.clock = clock;
        this.maxLength = maxLength;
    }

    @Override
    public String get() {
        StringBuilder b = new StringBuilder(20);
        if (maxLength >= 20) {
            b.append(STAMP.format(clock.instant()));
        }
        int length = Math.min(maxLength, 20);
        while (b.length() < length) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }
}
