package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.ManualClock;

class CheckpointInMemoryStoreTest extends CheckpointStoreContract {
    @Override
    protected CheckpointStore newStore(ManualClock clock, Duration retention) {
        return new InMemoryCheckpointStore(clock, retention);
    }

    @Test
    void prunesOldEntriesOnALaterMark() {
        store.markDone("old");
        clock.advance(Duration.ofHours(25));
        store.markDone("new");
        assertTrue(store.find("old").isEmpty());
        assertTrue(store.isDone("new"));
    }

    @Test
    void badConstructorArgumentsNameTheField() {
        assertEquals("clock", assertThrows(ValidationException.class,
                () -> new InMemoryCheckpointStore(null, Duration.ofDays(1))).errors().get(0).path());
        assertEquals("retention", assertThrows(ValidationException.class,
                () -> new InMemoryCheckpointStore(clock, Duration.ofDays(-1))).errors().get(0).path());
    }
}
