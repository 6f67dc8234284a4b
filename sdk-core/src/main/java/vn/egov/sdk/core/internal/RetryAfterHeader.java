package vn.egov.sdk.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfterHeader {
    private static final long MAX_SECONDS = 86_400L * 7;

    private RetryAfterHeader() {
    }

    /**
     * @param value the header value, possibly null
     * @param now the current time, for HTTP-date values
     * @return the wait, or empty if absent or unreadable
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.length() <= 10 && v.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_SECONDS)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
