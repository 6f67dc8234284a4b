package vn.egov.sdk.signing.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock running with the system clock at a settable offset: tests make a PKI and sign in the past, then move it
 * back to the present so the PKI's responders answer with today's time.
 */
final class TravelClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Sets how far from now this clock is (negative: the past). */
    void offset(Duration value) {
        offset = value;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
