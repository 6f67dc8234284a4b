package vn.egov.sdk.spring.lgsp;

import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.core.ValidationException;

/**
 * The checkpoint store of the provincial receive loop, kept apart from the national loop's
 * {@link CheckpointStore} bean (a holder, not a {@code CheckpointStore}, so the two never compete). The starter
 * defines one on a {@link FileCheckpointStore} at {@code egov.lgsp.receive.checkpoint-file}; an application's own
 * {@code LgspCheckpoints} bean replaces it, for example {@code LgspCheckpoints.of(aJdbcStoreOnItsOwnTable)}.
 *
 * <p>Closing it closes the store only when the starter opened it ({@link #opened}); a store given to
 * {@link #of} stays the application's to close.
 */
public final class LgspCheckpoints implements AutoCloseable {
    private final CheckpointStore store;
    private final boolean owned;

    private LgspCheckpoints(CheckpointStore store, boolean owned) {
        this.store = ValidationException.requireNonNull(store, "LgspCheckpoints.store");
        this.owned = owned;
    }

    /**
     * The application's store for the provincial loop; the application closes it.
     *
     * @param store the store (not the national loop's)
     * @return the holder
     * @throws ValidationException naming {@code LgspCheckpoints.store} when it is null
     */
    public static LgspCheckpoints of(CheckpointStore store) {
        return new LgspCheckpoints(store, false);
    }

    /**
     * A store opened for the provincial loop, closed with this holder.
     *
     * @param store the store
     * @return the holder
     * @throws ValidationException naming {@code LgspCheckpoints.store} when it is null
     */
    public static LgspCheckpoints opened(CheckpointStore store) {
        return new LgspCheckpoints(store, true);
    }

    /**
     * The store.
     *
     * @return the provincial loop's checkpoint store
     */
    public CheckpointStore store() {
        return store;
    }

    /** Closes the store if it was {@linkplain #opened opened} for the loop. */
    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }

    @Override
    public String toString() {
        return "LgspCheckpoints[" + store.getClass().getSimpleName() + (owned ? ", opened by the starter" : "") + "]";
    }
}
