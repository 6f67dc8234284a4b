package vn.egov.sdk.axis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VdxpItemsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void timeReadsTheAxisWallTimeAndIsoInstants() {
        assertEquals(Optional.of(Instant.parse("2024-05-02T02:15:00Z")), time("2024-05-02 09:15:00"));
        assertEquals(Optional.of(Instant.parse("2024-05-02T02:15:00Z")), time(" 2024/05/02 09:15:00 "));
        assertEquals(Optional.of(Instant.parse("2024-05-02T02:15:00Z")), time("02/05/2024 09:15:00"));
        assertEquals(Optional.of(Instant.parse("2024-05-02T02:15:00.123Z")), time("2024-05-02T02:15:00.123Z"));
        assertEquals(Optional.of(Instant.ofEpochMilli(1714616100123L)),
                VdxpItems.time(JsonNodeFactory.instance.numberNode(1714616100123L)));
        assertEquals(Optional.empty(), time("yesterday"));
        assertEquals(Optional.empty(), time(""));
        assertEquals(Optional.empty(), VdxpItems.time(JsonNodeFactory.instance.nullNode()));
        assertEquals(Optional.empty(), VdxpItems.time(null));
    }

    /** Choosing the parser by the string's shape gives what trying every parser in turn gave. */
    @Test
    void timeGivesWhatTryingEveryParserGave() {
        List<String> samples = List.of("2024-05-02 09:15:00", "2024/05/02 09:15:00", "02/05/2024 09:15:00",
                "2024-05-02T02:15:00Z", "2024-05-02t02:15:00z", "2024-05-02T09:15:00+07:00",
                "2024-05-02T02:15:00.123456789Z", "2024-05-02T09:15:00", "2024-05-02", "09:15:00",
                "2024-13-02 09:15:00", "2024-02-30 09:15:00", "31/04/2024 09:15:00", "2024-05-02 9:15:00",
                "2024-05-02 09:15:00.123", "12024-05-02 09:15:00", "+12024-05-02 09:15:00", "2024.05.02 09:15:00",
                "02-05-2024 09:15:00", "Thu, 02 May 2024 02:15:00 GMT", "T", "t/", "-", "/", "2024-05-02T25:00:00Z",
                "1714616100123", "null", "2024/05/02T09:15:00");
        for (String s : samples) {
            assertEquals(reference(s), time(s), s);
        }
    }

    private static Optional<Instant> time(String text) {
        return VdxpItems.time(JsonNodeFactory.instance.textNode(text));
    }

    /** The former implementation: Instant.parse first, then each wall pattern, by exception. */
    private static Optional<Instant> reference(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            for (String p : List.of("yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss")) {
                try {
                    return Optional.of(LocalDateTime.parse(s, DateTimeFormatter.ofPattern(p, Locale.ROOT))
                            .atZone(ZONE).toInstant());
                } catch (DateTimeParseException ignored) {
                    // next
                }
            }
            return Optional.empty();
        }
    }
}
