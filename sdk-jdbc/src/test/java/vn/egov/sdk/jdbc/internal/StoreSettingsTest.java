package vn.egov.sdk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

class StoreSettingsTest {
    @Test
    void aPositiveDurationIsKept() {
        Duration d = Duration.ofNanos(1);
        assertSame(d, StoreSettings.positive(d, "rule", "retention"));
    }

    @Test
    void nullZeroAndNegativeAreRefusedNamingTheSettingAndTheRule() {
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            FieldError e = assertThrows(ValidationException.class,
                    () -> StoreSettings.positive(bad, "outbox.retention.invalid", "retention")).errors().get(0);
            assertEquals("outbox.retention.invalid", e.code());
            assertEquals("retention", e.path());
            assertEquals("retention must be a positive duration, was " + bad, e.message());
        }
    }
}
