package vn.egov.sdk.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Optional;

/** The portal's date form: {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, whole seconds. */
public final class WireDates {
    /** The portal's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final ZoneRules RULES = ZONE.getRules();
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private WireDates() {
    }

    /** The instant truncated to whole seconds, or {@code null}. */
    public static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The wire text of an instant. Years 0 to 9999 are written digit by digit (the same text as the formatter, at a
     * fraction of its allocation: this runs nine times and more per dossier); other years go through the formatter.
     */
    public static String format(Instant instant) {
        long local = instant.getEpochSecond() + RULES.getOffset(instant).getTotalSeconds();
        long day = Math.floorDiv(local, 86_400L);
        int second = (int) Math.floorMod(local, 86_400L);
        if (day < FIRST_DAY || day > LAST_DAY) {
            return FORMAT.format(instant.atZone(ZONE));
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        byte[] out = new byte[14];
        int year = date.getYear();
        digits(out, 0, year / 100);
        digits(out, 2, year % 100);
        digits(out, 4, date.getMonthValue());
        digits(out, 6, date.getDayOfMonth());
        digits(out, 8, second / 3600);
        digits(out, 10, second / 60 % 60);
        digits(out, 12, second % 60);
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
    }

    /** The instant of a wire text, or empty when it is not 14 digits of a real date-time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 14 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).atZone(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
