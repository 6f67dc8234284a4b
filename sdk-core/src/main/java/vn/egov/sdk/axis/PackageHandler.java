package vn.egov.sdk.axis;

/**
 * The vendor's handler of received packages, called by a {@link ReceiveLoop} (SPI).
 *
 * <p>Returning normally means "persisted": the loop then records it and acknowledges {@code done} to the axis,
 * after which the package is never handed over again. Throwing (any exception) means "not handled": nothing is
 * acknowledged and the package is handed over again on a later poll. Delivery is at least once: after a crash
 * between the handler's return and the loop's checkpoint the same package comes again, so store it keyed by
 * {@link ReceivedPackage#docId()} (or the edXML {@code DocumentId} and sender) and treat a repeat as done.
 *
 * <p>The loop closes the package after the handler returns, which deletes temporary attachment files: copy what
 * must outlive the call before returning. Called from one thread at a time per loop.
 */
@FunctionalInterface
public interface PackageHandler {
    /**
     * Persists one received package (normally a {@link vn.egov.sdk.edxml.DocumentPackage}; also a status package
     * when the loop has no {@link StatusEventListener}).
     *
     * @param pkg the fetched package, with its signature check when a verifier is configured
     * @throws Exception anything, meaning "not handled, offer it again later"
     */
    void handle(ReceivedPackage pkg) throws Exception;
}
