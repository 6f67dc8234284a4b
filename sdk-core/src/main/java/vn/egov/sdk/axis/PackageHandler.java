package vn.egov.sdk.axis;

/**
 * The vendor's handler of received packages, called by a {@link ReceiveLoop} (SPI).
 *
 * <p>Returning normally means "persisted": the loop then records it and acknowledges {@code done} to the axis,
 * after which the package is never handed over again. Throwing (anything, an {@link Error} too) means "not
 * handled": nothing is acknowledged, the attempt counts against the package's budget
 * ({@link ReceiveLoop.Builder#maxAttempts}), and the package is handed over again on a later poll, or quarantined
 * once the budget is spent.
 *
 * <p>Delivery is at least once. The same package comes again, with {@link ReceivedPackage#attempt()}
 * {@code > 1}, after the handler threw, or when the process died after the handler started and before the loop's
 * checkpoint was durable (including right after the handler returned). So store it keyed by
 * {@link ReceivedPackage#docId()} (or the edXML {@code DocumentId} and sender) in the same transaction as its
 * effects, and when {@code attempt() > 1} look the key up first and treat an existing row as done.
 * {@code attempt() == 1} means no earlier attempt is recorded: the package was not handed over before.
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
     * @param pkg the fetched package, with its docId, attempt number and, when a verifier is configured, its
     *        signature check
     * @throws Exception anything, meaning "not handled, offer it again later"
     */
    void handle(ReceivedPackage pkg) throws Exception;
}
