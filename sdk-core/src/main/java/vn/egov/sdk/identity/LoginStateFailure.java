package vn.egov.sdk.identity;

/** Why a pending login could not be taken back at the provider's callback ({@link LoginStateException}). */
public enum LoginStateFailure {
    /**
     * No pending login has this {@code state}: never saved, evicted, forgotten after a restart, or the callback has
     * no {@code state} at all. Start a new login.
     */
    UNKNOWN_STATE,
    /** The pending login is older than the store's time-to-live. Start a new login. */
    EXPIRED,
    /** The pending login was already taken once: a replayed or double-submitted callback. */
    ALREADY_USED,
    /**
     * The browser that came back is not the one that started the login: its binding value (cookie) is absent or
     * belongs to another login. A login CSRF or a second tab; the pending login stays available to its own browser.
     */
    BROWSER_MISMATCH,
    /** The binding value (a sealed cookie) was altered, is not ours, or was sealed with a key since rotated out. */
    TAMPERED
}
