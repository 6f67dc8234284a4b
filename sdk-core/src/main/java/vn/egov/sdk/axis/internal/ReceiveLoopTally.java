package vn.egov.sdk.axis.internal;

import vn.egov.sdk.axis.ReceiveLoop;

/** The counters of one poll, turned into a {@link ReceiveLoop.PollResult} at the end. */
final class ReceiveLoopTally {
    int handedOver;
    int acknowledged;
    int skipped;
    int failed;
    int givenUp;

    ReceiveLoop.PollResult result() {
        return new ReceiveLoop.PollResult(handedOver, acknowledged, skipped, failed, givenUp);
    }
}
