package vn.egov.sdk.dossier.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The portal's date form: {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, whole seconds. */
public final class WireDates {
    /** The portal's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private WireDates() {
    }

    /** The instant truncated to whole seconds, or {@code null}. */
    public static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The wire text of an instant. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(ZONE));
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
