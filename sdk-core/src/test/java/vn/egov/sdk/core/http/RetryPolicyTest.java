package vn.egov.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.RetryAfterHeader;

class RetryPolicyTest {
    @Test
    void backoffDoublesUpToTheCapWithJitterBetween75And100Percent() {
        RetryPolicy low = RetryPolicy.builder().random(() -> 0.0).maxAttempts(10).build();
        RetryPolicy high = RetryPolicy.builder().random(() -> 0.999_999_9).maxAttempts(10).build();
        long[] expectedBase = {500, 1000, 2000, 4000, 5000, 5000};
        for (int i = 0; i < expectedBase.length; i++) {
            long lo = low.delayBefore(i + 2, Optional.empty()).orElseThrow().toMillis();
            long hi = high.delayBefore(i + 2, Optional.empty()).orElseThrow().toMillis();
            assertEquals(Math.round(expectedBase[i] * 0.75), lo, "attempt " + (i + 2));
            assertTrue(hi <= expectedBase[i] && hi >= Math.round(expectedBase[i] * 0.99), "attempt " + (i + 2));
        }
    }

    @Test
    void serverHintIsUsedAsIsWithinTheCapAndEndsTheCallAboveIt() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(Duration.ofSeconds(7), p.delayBefore(2, Optional.of(Duration.ofSeconds(7))).orElseThrow());
        assertEquals(Duration.ZERO, p.delayBefore(2, Optional.of(Duration.ofSeconds(-3))).orElseThrow());
        assertTrue(p.delayBefore(2, Optional.of(Duration.ofSeconds(31))).isEmpty());
    }

    @Test
    void defaultsAndValidation() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(3, p.maxAttempts());
        for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(p.isRetryableStatus(s), "status " + s);
        }
        assertTrue(!p.isRetryableStatus(400) && !p.isRetryableStatus(409) && !p.isRetryableStatus(501));
        assertEquals(1, RetryPolicy.none().maxAttempts());
        assertThrows(ValidationException.class, () -> RetryPolicy.builder().maxAttempts(0));
        assertThrows(ValidationException.class, () -> RetryPolicy.builder().initialDelay(Duration.ZERO));
        assertThrows(ValidationException.class,
                () -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build());
    }

    @Test
    void retryAfterHeaderParsesSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-22T03:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfterHeader.parse("120", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                RetryAfterHeader.parse("Sun, 22 Nov 2026 03:00:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfterHeader.parse("Sun, 22 Nov 2026 02:00:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfterHeader.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfterHeader.parse("-5", now));
        assertEquals(Optional.empty(), RetryAfterHeader.parse(null, now));
        assertEquals(Optional.of(Duration.ofDays(7)), RetryAfterHeader.parse("9999999999", now));
    }
}
