package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

/**
 * What every {@link PendingLoginStore} must do, as tests: extend this class in a store's own test, return a new
 * empty store with a time-to-live of {@link #TTL} on the given clock from {@link #newStore(ManualClock)}, and run
 * it. Part of sdk-core's test-jar, so a store on a database runs the same tests as the in-memory and cookie stores.
 */
public abstract class PendingLoginStoreContract {
    /** The time-to-live every store under test must be built with. */
    protected static final Duration TTL = Duration.ofMinutes(10);
    /** The time the clock starts at. */
    protected static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

    /** The clock the store under test reads. */
    protected ManualClock clock;
    /** The store under test, new for each test. */
    protected PendingLoginStore store;
    private int counter;

    /**
     * A new, empty store with a time-to-live of {@link #TTL}, reading {@code clock}.
     *
     * @param clock the test's clock
     * @return the store
     */
    protected abstract PendingLoginStore newStore(ManualClock clock);

    /** Creates the clock and the store under test. */
    @BeforeEach
    public void createStore() {
        clock = new ManualClock(T0);
        store = newStore(clock);
    }

    /**
     * A new login created now, with a fresh state.
     *
     * @return the login
     */
    protected PendingLogin login() {
        counter++;
        return new PendingLogin("state-" + counter + "-Zm9vYmFyYmF6cXV4", "nonce-" + counter + "-c2VjcmV0",
                "verifier-" + counter + "-dGhpcyBpcyBhIHZlcmlmaWVy", "https://portal.tinh.gov.vn/sso/callback",
                "/ho-so/" + counter + "?tab=1", List.of("LoA1"), clock.instant());
    }

    private LoginStateFailure failure(String state, String binding) {
        LoginStateException e = assertThrows(LoginStateException.class, () -> store.take(state, binding));
        assertEquals(Fault.VERIFICATION, e.fault());
        assertTrue(e instanceof VerificationException);
        if (binding != null && binding.length() > 3) {
            assertFalse(e.getMessage().contains(binding), "the message does not repeat the binding");
        }
        assertFalse(e.getMessage().contains("nonce-") || e.getMessage().contains("verifier-"), e.getMessage());
        return e.failure();
    }

    /** A saved login is taken back whole, with its binding. */
    @Test
    public void aSavedLoginIsTakenBackWhole() {
        PendingLogin login = login();
        String binding = store.save(login);
        assertEquals(login, store.take(login.state(), binding));
    }

    /** The binding value is cookie-safe text, different for every login. */
    @Test
    public void bindingsAreCookieSafeAndDistinct() {
        String a = store.save(login());
        String b = store.save(login());
        assertNotEquals(a, b);
        for (String binding : List.of(a, b)) {
            assertTrue(binding.matches("[A-Za-z0-9._-]{16,3800}"), binding);
            assertFalse(binding.contains("nonce-") || binding.contains("verifier-"), "no secret in clear");
        }
    }

    /** A login is taken once: the second take is ALREADY_USED. */
    @Test
    public void aLoginIsTakenOnlyOnce() {
        PendingLogin login = login();
        String binding = store.save(login);
        store.take(login.state(), binding);
        assertEquals(LoginStateFailure.ALREADY_USED, failure(login.state(), binding));
        assertEquals(LoginStateFailure.ALREADY_USED, failure(login.state(), binding));
    }

    /** Another login's binding is BROWSER_MISMATCH, and does not consume the login. */
    @Test
    public void anotherLoginsBindingIsABrowserMismatch() {
        PendingLogin victim = login();
        String victimBinding = store.save(victim);
        PendingLogin attacker = login();
        String attackerBinding = store.save(attacker);
        assertEquals(LoginStateFailure.BROWSER_MISMATCH, failure(victim.state(), attackerBinding));
        assertEquals(victim, store.take(victim.state(), victimBinding), "the real browser still completes");
        assertEquals(attacker, store.take(attacker.state(), attackerBinding));
    }

    /** No binding at all is BROWSER_MISMATCH. */
    @Test
    public void noBindingIsABrowserMismatch() {
        PendingLogin login = login();
        String binding = store.save(login);
        assertEquals(LoginStateFailure.BROWSER_MISMATCH, failure(login.state(), null));
        assertEquals(LoginStateFailure.BROWSER_MISMATCH, failure(login.state(), ""));
        assertEquals(LoginStateFailure.BROWSER_MISMATCH, failure(login.state(), "  "));
        assertEquals(login, store.take(login.state(), binding));
    }

    /** A garbage binding is refused (BROWSER_MISMATCH or TAMPERED) and does not consume the login. */
    @Test
    public void aGarbageBindingIsRefused() {
        PendingLogin login = login();
        String binding = store.save(login);
        for (String garbage : List.of("x", binding + "x", binding.substring(1), "a".repeat(10_000), "..", "%00",
                "eyJhbGciOiJub25lIn0.eyJzdCI6InN0YXRlIn0.")) {
            assertTrue(Set.of(LoginStateFailure.BROWSER_MISMATCH, LoginStateFailure.TAMPERED)
                    .contains(failure(login.state(), garbage)), garbage);
        }
        assertEquals(login, store.take(login.state(), binding));
    }

    /** A missing or blank state is UNKNOWN_STATE; a never-saved state is UNKNOWN_STATE or BROWSER_MISMATCH. */
    @Test
    public void anUnknownStateIsRefused() {
        PendingLogin login = login();
        String binding = store.save(login);
        assertEquals(LoginStateFailure.UNKNOWN_STATE, failure(null, binding));
        assertEquals(LoginStateFailure.UNKNOWN_STATE, failure(" ", binding));
        assertTrue(Set.of(LoginStateFailure.UNKNOWN_STATE, LoginStateFailure.BROWSER_MISMATCH)
                .contains(failure("never-saved", binding)));
        assertEquals(login, store.take(login.state(), binding));
    }

    /** A login is valid until just before its time-to-live runs out, and EXPIRED from then. */
    @Test
    public void aLoginExpiresAfterItsTimeToLive() {
        PendingLogin early = login();
        String earlyBinding = store.save(early);
        clock.advance(Duration.ofMinutes(5));
        PendingLogin late = login();
        String lateBinding = store.save(late);
        clock.advance(TTL.minusMinutes(5));
        assertEquals(LoginStateFailure.EXPIRED, failure(early.state(), earlyBinding));
        clock.advance(TTL.minusMinutes(5).minusSeconds(1));
        assertEquals(late, store.take(late.state(), lateBinding), "one second before its expiry");
    }

    /** Two browsers completing the same login at once: exactly one wins, the others are ALREADY_USED. */
    @Test
    public void concurrentTakesOfOneLoginHaveExactlyOneWinner() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                PendingLogin login = login();
                String binding = store.save(login);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            return store.take(login.state(), binding);
                        } catch (LoginStateException e) {
                            return e.failure();
                        }
                    }));
                }
                start.countDown();
                int wins = 0;
                for (Future<Object> f : results) {
                    Object r = f.get(30, TimeUnit.SECONDS);
                    if (r instanceof PendingLogin) {
                        assertEquals(login, r);
                        wins++;
                    } else {
                        assertEquals(LoginStateFailure.ALREADY_USED, r);
                    }
                }
                assertEquals(1, wins, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Many logins in flight are each taken back by their own browser, in any order. */
    @Test
    public void manyLoginsInFlight() {
        List<PendingLogin> logins = new ArrayList<>();
        List<String> bindings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            logins.add(login());
            bindings.add(store.save(logins.get(i)));
        }
        for (int i = 49; i >= 0; i--) {
            assertEquals(logins.get(i), store.take(logins.get(i).state(), bindings.get(i)));
        }
    }

    /** Saving null is a ValidationException. */
    @Test
    public void savingNullIsAValidationException() {
        assertThrows(ValidationException.class, () -> store.save(null));
    }
}
