package vn.egov.sdk.edxml;

import java.util.OptionalInt;
import vn.egov.sdk.edxml.internal.Values;

/**
 * A receiver named by an update ({@code ReceiverList/Receiver}).
 *
 * @param organId the receiver ({@code OrganId})
 * @param receiverType {@code ReceiverType}, 0 or 1 (meaning inferred: 0 removed, 1 added)
 */
public record Receiver(OrganId organId, OptionalInt receiverType) {
    /**
     * Normalises nulls.
     *
     * @param organId the receiver ({@code OrganId})
     * @param receiverType {@code ReceiverType}, 0 or 1 (meaning inferred: 0 removed, 1 added)
     */
    public Receiver {
        organId = organId == null ? OrganId.of("") : organId;
        receiverType = Values.optInt(receiverType);
    }
}
