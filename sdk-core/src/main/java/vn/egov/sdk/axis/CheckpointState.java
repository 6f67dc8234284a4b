package vn.egov.sdk.axis;

/**
 * How far a received package got, as a {@link CheckpointStore} records it. States only move forward:
 * {@code IN_PROGRESS ⇄ FAILED → HANDLED → DONE}, {@code IN_PROGRESS/FAILED → GAVE_UP}; {@link #DONE} and
 * {@link #GAVE_UP} are terminal.
 */
public enum CheckpointState {
    /**
     * An attempt began ({@link CheckpointStore#markAttempt}) and its outcome is not recorded yet. Found by a
     * later poll, it means the attempt never finished: the process died (or the store failed) during it.
     */
    IN_PROGRESS,
    /** The last attempt failed (fetch, parse, verification or handler); the package has not been handled yet. */
    FAILED,
    /** The handler succeeded; the transport ack {@code done} has not been confirmed by the axis yet. */
    HANDLED,
    /** The axis confirmed the ack {@code done}: the package is never handed over again. */
    DONE,
    /**
     * Quarantined: the attempt budget ran out; the package was (or is being) kept on disk and acknowledged
     * {@code fail}, and is never handed over again.
     */
    GAVE_UP;

    /**
     * Whether nothing may follow this state: the package is never handed over again.
     *
     * @return true for {@link #DONE} and {@link #GAVE_UP}
     */
    public boolean isTerminal() {
        return this == DONE || this == GAVE_UP;
    }

    /**
     * Whether an entry in this state may move to {@code next}. Moving to the same state is allowed only for
     * {@link #IN_PROGRESS} (a new attempt after one that never finished) and {@link #FAILED} (a failure recorded
     * without an attempt begun).
     *
     * @param next the state asked for
     * @return whether the move goes forward
     */
    public boolean canMoveTo(CheckpointState next) {
        return switch (this) {
            case IN_PROGRESS, FAILED -> true;
            case HANDLED -> next == DONE;
            case DONE, GAVE_UP -> false;
        };
    }
}
