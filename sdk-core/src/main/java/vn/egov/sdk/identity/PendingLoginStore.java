package vn.egov.sdk.identity;

/**
 * Keeps pending logins between the authorization request and the provider's callback, bound to the browser that
 * started them and usable once. Implementations: {@link InMemoryPendingLoginStore} (one node), and
 * {@link CookiePendingLoginStore} (stateless, for several nodes without sticky sessions); a store on a shared
 * database can implement it too and must pass the same contract tests ({@code PendingLoginStoreContract} in
 * sdk-core's test-jar).
 *
 * <p>How a vendor uses it: {@link #save(PendingLogin)} when the login starts, and set the returned value as a cookie
 * ({@code HttpOnly; Secure; SameSite=Lax; Path=<callback path>; Max-Age=<time-to-live>}); at the callback,
 * {@link #take(String, String)} with the {@code state} query parameter and that cookie's value, then clear the
 * cookie. {@code SameSite=Lax} is needed (not {@code Strict}): the callback is a top-level navigation from the
 * provider's site.
 *
 * <p>Implementations are thread-safe.
 */
public interface PendingLoginStore {
    /**
     * Keeps a pending login.
     *
     * @param login the login; required
     * @return the browser-binding value to set as a cookie: URL- and cookie-safe text ({@code [A-Za-z0-9._-]})
     * @throws vn.egov.sdk.core.ValidationException if the login is null or its state is already kept
     */
    String save(PendingLogin login);

    /**
     * Takes a pending login back, once: checks that the state is known and not expired, that the binding value is
     * the one {@link #save(PendingLogin)} returned for it, and that it was not taken before; then forgets it. A
     * wrong binding does not consume the login (so a forged callback cannot cancel the real user's login).
     *
     * @param state the {@code state} parameter of the callback; {@code null} or blank gives
     *     {@link LoginStateFailure#UNKNOWN_STATE}
     * @param browserBinding the cookie's value; {@code null} or blank gives {@link LoginStateFailure#BROWSER_MISMATCH}
     * @return the pending login
     * @throws LoginStateException with the {@link LoginStateFailure} when it cannot be taken
     */
    PendingLogin take(String state, String browserBinding);
}
