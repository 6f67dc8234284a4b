package vn.egov.sdk.edxml;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.edxml.internal.Values;

/**
 * A status package (gói tin trạng thái): an agency reports how far it got with a received document, with one of
 * QĐ 28's codes. No body, no attachments. Make one for a received package with
 * {@link EdXmlPackages#statusReply}.
 *
 * @param from who reports ({@code From})
 * @param responseFor the document reported on ({@code ResponseFor})
 * @param staff the person handling it ({@code StaffInfo})
 * @param status {@code StatusCode}
 * @param description {@code Description}
 * @param timestamp {@code Timestamp}, Asia/Ho_Chi_Minh wall time
 * @param trace a trace list, if the axis added one
 * @param signature the header's signature element, kept as it came
 * @param extensions unknown children of {@code MessageHeader}, kept and written back
 */
public record StatusPackage(Organization from, ResponseFor responseFor, Optional<StaffInfo> staff, EdocStatus status,
        String description, Optional<LocalDateTime> timestamp, Optional<TraceHeaderList> trace,
        Optional<XmlElement> signature, List<XmlElement> extensions) implements EdXmlPackage {
    /**
     * Normalises nulls.
     *
     * @param from who reports ({@code From})
     * @param responseFor the document reported on ({@code ResponseFor})
     * @param staff the person handling it ({@code StaffInfo})
     * @param status {@code StatusCode}
     * @param description {@code Description}
     * @param timestamp {@code Timestamp}, Asia/Ho_Chi_Minh wall time
     * @param trace a trace list, if the axis added one
     * @param signature the header's signature element, kept as it came
     * @param extensions unknown children of {@code MessageHeader}, kept and written back
     */
    public StatusPackage {
        from = from == null ? Organization.absent() : from;
        responseFor = responseFor == null ? new ResponseFor(null, "", null, null) : responseFor;
        staff = Values.opt(staff);
        status = status == null ? EdocStatus.of("") : status;
        description = Values.text(description);
        timestamp = Values.opt(timestamp);
        trace = Values.opt(trace);
        signature = Values.opt(signature);
        extensions = Values.list(extensions);
    }

    @Override
    public Optional<TraceHeaderList> traceHeaderList() {
        return trace;
    }

    @Override
    public void close() {
        // nothing to release: a status package has no attachments
    }
}
