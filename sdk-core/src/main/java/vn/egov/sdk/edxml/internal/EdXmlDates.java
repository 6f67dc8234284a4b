package vn.egov.sdk.edxml.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** The two date formats of edXML ({@code yyyy/MM/dd}, {@code yyyy/MM/dd HH:mm:ss}), strict, Asia/Ho_Chi_Minh wall time. */
public final class EdXmlDates {
    /** The zone edXML timestamps are written in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private EdXmlDates() {
    }

    /** Parses {@code yyyy/MM/dd}; throws {@link java.time.format.DateTimeParseException}. */
    public static LocalDate parseDate(String s) {
        return LocalDate.parse(s.strip(), DATE);
    }

    /** Parses {@code yyyy/MM/dd HH:mm:ss}; throws {@link java.time.format.DateTimeParseException}. */
    public static LocalDateTime parseDateTime(String s) {
        return LocalDateTime.parse(s.strip(), DATE_TIME);
    }

    /** Formats {@code yyyy/MM/dd}. */
    public static String formatDate(LocalDate d) {
        return DATE.format(d);
    }

    /** Formats {@code yyyy/MM/dd HH:mm:ss}. */
    public static String formatDateTime(LocalDateTime t) {
        return DATE_TIME.format(t);
    }
}
