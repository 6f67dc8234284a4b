package vn.egov.sdk.edxml;

import java.time.LocalDateTime;
import java.util.Optional;
import vn.egov.sdk.edxml.internal.Values;

/**
 * One hop of a package's route ({@code TraceHeader}); each system it passes appends one.
 *
 * @param organId who handled it ({@code OrganId})
 * @param timestamp when, Asia/Ho_Chi_Minh wall time ({@code Timestamp}, {@code yyyy/MM/dd HH:mm:ss})
 */
public record TraceHeader(OrganId organId, Optional<LocalDateTime> timestamp) {
    /**
     * Normalises nulls.
     *
     * @param organId who handled it ({@code OrganId})
     * @param timestamp when, Asia/Ho_Chi_Minh wall time ({@code Timestamp}, {@code yyyy/MM/dd HH:mm:ss})
     */
    public TraceHeader {
        organId = organId == null ? OrganId.of("") : organId;
        timestamp = Values.opt(timestamp);
    }

    /**
     * A hop.
     *
     * @param organId the organ id of the system that handled the package
     * @param timestamp the local time (Asia/Ho_Chi_Minh) it handled it
     * @return the hop
     */
    public static TraceHeader of(OrganId organId, LocalDateTime timestamp) {
        return new TraceHeader(organId, Optional.ofNullable(timestamp));
    }
}
