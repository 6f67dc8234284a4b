package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** The in-memory store: the shared contract, plus its bound and eviction. */
class InMemoryPendingLoginStoreTest extends PendingLoginStoreContract {
    @Override
    protected PendingLoginStore newStore(ManualClock clock) {
        return InMemoryPendingLoginStore.builder().clock(clock).ttl(TTL).build();
    }

    @Test
    void whenFullTheOldestSavedIsEvicted() {
        InMemoryPendingLoginStore small = InMemoryPendingLoginStore.builder().clock(clock).maxEntries(3).build();
        PendingLogin first = login();
        String firstBinding = small.save(first);
        List<PendingLogin> rest = List.of(login(), login(), login());
        List<String> bindings = rest.stream().map(small::save).toList();
        assertEquals(3, small.size());
        LoginStateException e = assertThrows(LoginStateException.class, () -> small.take(first.state(), firstBinding));
        assertEquals(LoginStateFailure.UNKNOWN_STATE, e.failure());
        for (int i = 0; i < 3; i++) {
            assertEquals(rest.get(i), small.take(rest.get(i).state(), bindings.get(i)));
        }
    }

    @Test
    void expiredLoginsAreDroppedOnTheNextSave() {
        InMemoryPendingLoginStore s = InMemoryPendingLoginStore.builder().clock(clock).build();
        s.save(login());
        s.save(login());
        clock.advance(Duration.ofMinutes(11));
        s.save(login());
        assertEquals(1, s.size());
    }

    @Test
    void aStateIsSavedOnlyOnce() {
        PendingLogin login = login();
        store.save(login);
        assertEquals("PendingLogin.state", assertThrows(ValidationException.class, () -> store.save(login))
                .errors().get(0).path());
    }

    @Test
    void badSettingsAreValidationExceptions() {
        assertThrows(ValidationException.class, () -> InMemoryPendingLoginStore.builder().ttl(Duration.ZERO));
        assertThrows(ValidationException.class, () -> InMemoryPendingLoginStore.builder().ttl(Duration.ofDays(1)));
        assertThrows(ValidationException.class, () -> InMemoryPendingLoginStore.builder().ttl(null));
        assertThrows(ValidationException.class, () -> InMemoryPendingLoginStore.builder().maxEntries(0));
        assertThrows(ValidationException.class, () -> InMemoryPendingLoginStore.builder().clock(null));
    }
}
