package vn.egov.sdk.axis;

/**
 * The transport acknowledgement a receiver gives the axis after fetching a package ({@code updateStatus}); not to
 * be confused with the business status (QĐ 28 codes) sent back as a status package.
 */
public enum TransportAck {
    /** Being processed ({@code processing}). */
    PROCESSING("processing"),
    /** Stored; the axis may stop offering it ({@code done}). */
    DONE("done"),
    /** Could not be processed ({@code fail}). */
    FAIL("fail");

    private final String wire;

    TransportAck(String wire) {
        this.wire = wire;
    }

    /**
     * The status value sent to the axis' {@code updateStatus}.
     *
     * @return {@code processing}, {@code done} or {@code fail}
     */
    public String wire() {
        return wire;
    }
}
