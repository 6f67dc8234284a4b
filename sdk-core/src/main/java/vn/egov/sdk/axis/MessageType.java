package vn.egov.sdk.axis;

/** What a package on the axis carries: a document ({@code edoc}) or a status report ({@code status}). */
public enum MessageType {
    /** A document package ({@code messagetype=edoc}). */
    EDOC("edoc"),
    /** A status package ({@code messagetype=status}). */
    STATUS("status");

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    /**
     * The value of the {@code messagetype} parameter on the axis.
     *
     * @return {@code edoc} or {@code status}
     */
    public String wire() {
        return wire;
    }
}
