package vn.egov.sdk.axis;

/**
 * Told when a {@link ReceiveLoop} quarantines a package (SPI), for example to raise an alert or open a ticket
 * for a person. Called after the package's bytes were kept (or could not be) and before the axis is acknowledged
 * {@code fail}, from the loop's thread; at least once (again if the process dies before that ack). What the
 * listener throws is logged and changes nothing: the package stays quarantined.
 */
@FunctionalInterface
public interface QuarantineListener {
    /**
     * One quarantined package.
     *
     * @param event the docId, attempts, last failure and where the bytes are (or why they are not)
     */
    void onQuarantine(QuarantineEvent event);
}
