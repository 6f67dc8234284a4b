package vn.egov.sdk.dossier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The digit-by-digit date writer writes exactly what the formatter writes. */
class WireDatesTest {
    private static final DateTimeFormatter FORMATTER = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private static String expected(Instant instant) {
        return FORMATTER.format(instant.atZone(WireDates.ZONE));
    }

    @Test
    void sameTextAsTheFormatterAcrossTheZonesHistory() {
        // Asia/Ho_Chi_Minh changed offset several times before 1975: every transition and its neighbours
        for (var t : WireDates.ZONE.getRules().getTransitions()) {
            for (long delta = -2; delta <= 2; delta++) {
                Instant at = t.getInstant().plusSeconds(delta);
                assertEquals(expected(at), WireDates.format(at), at.toString());
            }
        }
        SplittableRandom random = new SplittableRandom(13);
        long from = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            assertEquals(expected(at), WireDates.format(at), at.toString());
        }
    }

    @Test
    void edgesOfTheDayAndOfTheFourDigitYears() {
        for (String s : new String[] {"2024-12-04T17:00:00Z", "2024-12-04T16:59:59Z", "2024-02-28T17:00:00Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "-0001-12-31T16:00:00Z",
            "9999-12-31T16:59:59Z", "9999-12-31T17:00:00Z", "+12345-06-01T00:00:00Z", "-2000-06-01T00:00:00Z"}) {
            Instant at = Instant.parse(s);
            assertEquals(expected(at), WireDates.format(at), s);
        }
        assertEquals("20241205000000", WireDates.format(Instant.parse("2024-12-04T17:00:00Z")));
    }
}
