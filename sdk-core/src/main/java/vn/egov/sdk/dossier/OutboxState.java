package vn.egov.sdk.dossier;

/**
 * How far an {@link OutboxEntry} got. Stores keep it by {@link #name()}.
 *
 * <p>{@code PENDING → SENDING → SENT}; a send that failed in a way that may pass later goes
 * {@code SENDING → FAILED} (and is due again after its back-off); one the portal refused for good, or whose attempt
 * budget is spent, goes to {@code GIVEN_UP}. An entry found {@code SENDING} after a restart is a send the process
 * may have died in: whether the portal got it is unknown, so it is due again and the sender first checks with the
 * portal where it can, so that nothing it would count twice is sent twice.
 */
public enum OutboxState {
    /** Recorded, never tried. */
    PENDING,
    /** A send began and its outcome is not recorded (in flight, or the process died during it). */
    SENDING,
    /** The portal accepted it. Final. */
    SENT,
    /** The last send failed in a way that may pass later; due again at {@link OutboxEntry#nextAttemptAt()}. */
    FAILED,
    /** Refused for good (the portal said the record is wrong, or the attempt budget is spent). Final. */
    GIVEN_UP;

    /**
     * Whether nothing more will be done with an entry in this state.
     *
     * @return true for {@link #SENT} and {@link #GIVEN_UP}
     */
    public boolean isFinal() {
        return this == SENT || this == GIVEN_UP;
    }
}
