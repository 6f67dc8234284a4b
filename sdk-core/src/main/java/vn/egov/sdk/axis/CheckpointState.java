package vn.egov.sdk.axis;

/**
 * How far a received package got, as a {@link CheckpointStore} records it. States only move forward:
 * {@code FAILED → HANDLED → DONE}, {@code FAILED → GAVE_UP}; {@link #DONE} and {@link #GAVE_UP} are terminal.
 */
public enum CheckpointState {
    /** The handler threw (or the fetch failed) at least once; the package has not been handled yet. */
    FAILED,
    /** The handler succeeded; the transport ack {@code done} has not been confirmed by the axis yet. */
    HANDLED,
    /** The axis confirmed the ack {@code done}: the package is never handed over again. */
    DONE,
    /** The retry budget ran out; the package was (or is being) acknowledged {@code fail} and is never handed over. */
    GAVE_UP;

    /** Whether nothing may follow this state. */
    public boolean isTerminal() {
        return this == DONE || this == GAVE_UP;
    }

    /**
     * Whether an entry in this state may move to {@code next}. Moving to the same state is allowed only for
     * {@link #FAILED} (one more failed attempt).
     *
     * @param next the state asked for
     * @return whether the move goes forward
     */
    public boolean canMoveTo(CheckpointState next) {
        return switch (this) {
            case FAILED -> true;
            case HANDLED -> next == DONE;
            case DONE, GAVE_UP -> false;
        };
    }
}
