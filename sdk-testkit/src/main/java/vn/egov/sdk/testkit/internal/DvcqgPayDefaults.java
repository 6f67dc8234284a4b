package vn.egov.sdk.testkit.internal;

import java.time.Clock;

/** The DVCQG payment simulator's test merchant (public test values, not credentials of any real system). */
public final class DvcqgPayDefaults {
    /** The test merchant's {@code MaDoiTac}. */
    public static final String MERCHANT_CODE = "SANDBOX-DVC-01";
    /** Its checksum secret. */
    public static final String SECRET = "dvcqg-sandbox-hash-key";

    private DvcqgPayDefaults() {
    }

    /**
     * The simulator with the test merchant registered.
     *
     * @param clock the sandbox clock
     * @param dispatcher sends callbacks
     * @return the simulator
     */
    public static DvcqgPaySimulator simulator(Clock clock, CallbackDispatcher dispatcher) {
        DvcqgPaySimulator sim = new DvcqgPaySimulator(clock, dispatcher);
        sim.addMerchant(MERCHANT_CODE, SECRET);
        return sim;
    }
}
