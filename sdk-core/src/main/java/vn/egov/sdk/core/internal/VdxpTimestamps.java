package vn.egov.sdk.core.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The national axis' default timestamp, {@code ddMMyyyy'T'HHmmss+SSSS} read as {@code SimpleDateFormat} does: wall
 * time in {@code Asia/Ho_Chi_Minh}, a literal {@code +}, the millisecond padded to four digits [INFERRED].
 */
public final class VdxpTimestamps {
    /** The zone of the axis' wall time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss", Locale.ROOT);
    /**
     * The whole default timestamp in one precompiled formatter: a literal {@code +0} then the millisecond as three
     * digits ({@code SSS} truncates the fraction, as {@code getNano() / 1_000_000} does), i.e. the millisecond padded
     * to four digits.
     */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss'+0'SSS",
            Locale.ROOT);
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}\\+\\d{4}");

    private VdxpTimestamps() {
    }

    /**
     * Formats a wall time.
     *
     * @param wallTime the time, in any zone
     * @return for example {@code 02052024T091500+0123}
     */
    public static String format(ZonedDateTime wallTime) {
        return FORMAT.format(wallTime.withZoneSameInstant(ZONE));
    }

    /**
     * Parses a timestamp in the default format.
     *
     * @param text for example {@code 02052024T091500+0123}
     * @return the instant, or empty when the text is not in the format
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime wall = LocalDateTime.parse(text.substring(0, 15), WALL);
            int millis = Integer.parseInt(text.substring(16));
            if (millis > 999) {
                return Optional.empty();
            }
            return Optional.of(wall.atZone(ZONE).toInstant().plusMillis(millis));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
