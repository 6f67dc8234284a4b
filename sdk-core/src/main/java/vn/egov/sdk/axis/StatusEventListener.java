package vn.egov.sdk.axis;

/**
 * Receives the status packages (QĐ 28 business status) that arrive for documents this system sent, as typed
 * events, from a {@link ReceiveLoop} (SPI). Same contract as {@link PackageHandler}: returning means persisted
 * (the package is then acknowledged {@code done}), throwing means "offer it again later" (the attempt counts);
 * at least once, a possible repeat coming with {@link StatusEvent#attempt()} {@code > 1}.
 */
@FunctionalInterface
public interface StatusEventListener {
    /**
     * Persists one status report.
     *
     * @param event the report
     * @throws Exception anything, meaning "not handled, offer it again later"
     */
    void onStatus(StatusEvent event) throws Exception;
}
