package vn.egov.sdk.edxml;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.EdXmlDates;

/**
 * Builds the packages a vendor system sends: a new document, its revocation, update or replacement, and the status
 * reply to a received document. Each stamps one {@code TraceHeader} (the sender's organ id, the clock's time as
 * Asia/Ho_Chi_Minh wall time to the second) and the business block of its kind, with {@code Paper} 0 and the given
 * staff. The packages are not validated against QCVN rules here; that is {@code EdXmlValidator}'s job.
 *
 * <pre>{@code
 * DocumentPackage doc = EdXmlPackages.newDocument(header, staff, List.of(attachment), clock);
 * EdXml.write(doc, out);
 * }</pre>
 *
 * <p>A null argument is a {@link ValidationException} naming the parameter.
 */
public final class EdXmlPackages {
    private EdXmlPackages() {
    }

    /**
     * A new document ({@code BussinessDocType} 0, Văn bản điện tử mới).
     *
     * @param header the document's header
     * @param staff who sends it ({@code Bussiness/StaffInfo})
     * @param attachments its files, in order; the manifest gets one {@link Reference} per attachment
     * @param clock the time of the trace hop
     * @return the package, unsigned
     */
    public static DocumentPackage newDocument(MessageHeader header, StaffInfo staff, List<Attachment> attachments,
            Clock clock) {
        require(header, "header");
        require(staff, "staff");
        List<Attachment> files = elements(attachments, "attachments");
        require(clock, "clock");
        return document(header, Business.of(BusinessDocType.NEW, staff), null,
                files.stream().map(Reference::of).toList(), files, clock);
    }

    /**
     * The revocation of a sent document ({@code BussinessDocType} 1, Thu hồi văn bản điện tử): the original's
     * header (so every receiver gets it), the original's {@code DocumentId} in the business block, no attachments.
     *
     * @param original the package that was sent
     * @param staff who revokes it
     * @param reason {@code BussinessDocReason}; "" for the default text
     * @param clock the time of the trace hop
     * @return the package, unsigned
     */
    public static DocumentPackage revoke(DocumentPackage original, StaffInfo staff, String reason, Clock clock) {
        require(original, "original");
        require(staff, "staff");
        require(reason, "reason");
        require(clock, "clock");
        Business business = business(BusinessDocType.REVOKE, reason, original, List.of(), List.of(), staff);
        return document(original.header(), business, null, List.of(), List.of(), clock);
    }

    /**
     * The update of a sent document ({@code BussinessDocType} 2, Cập nhật văn bản điện tử): the new header, the
     * original's {@code DocumentId} and what changed in the business block, the original's attachments and
     * manifest. The attachment contents are shared with the original: write this package before closing either,
     * and closing either releases them.
     *
     * @param original the package that was sent
     * @param updatedHeader the header with the changes (new information, new receivers)
     * @param whatChanged {@code BussinessDocumentInfo}: which parts changed, and the receivers concerned
     * @param staff who updates it
     * @param clock the time of the trace hop
     * @return the package, unsigned
     */
    public static DocumentPackage update(DocumentPackage original, MessageHeader updatedHeader,
            BusinessDocumentInfo whatChanged, StaffInfo staff, Clock clock) {
        require(original, "original");
        require(updatedHeader, "updatedHeader");
        require(whatChanged, "whatChanged");
        require(staff, "staff");
        require(clock, "clock");
        Business business = business(BusinessDocType.UPDATE, "", original, List.of(whatChanged), List.of(), staff);
        return document(updatedHeader, business, original.manifestAttributes(), original.manifest(),
                original.attachments(), clock);
    }

    /**
     * A document replacing sent ones ({@code BussinessDocType} 3, Văn bản thay thế): the replacement's header,
     * manifest and attachments, with the replaced documents in {@code ReplacementInfoList}. The replacement's own
     * trace list and signature are not kept.
     *
     * @param replacement the new document (for example from {@link #newDocument})
     * @param replaced the documents it replaces and the receivers concerned; at least one
     * @param staff who sends it
     * @param clock the time of the trace hop
     * @return the package, unsigned
     */
    public static DocumentPackage replace(DocumentPackage replacement, List<ReplacementInfo> replaced,
            StaffInfo staff, Clock clock) {
        require(replacement, "replacement");
        List<ReplacementInfo> infos = elements(replaced, "replaced");
        if (infos.isEmpty()) {
            throw ValidationException.of("edxml.argument.empty", "replaced", "name at least one replaced document");
        }
        require(staff, "staff");
        require(clock, "clock");
        Business business = new Business(Optional.empty(), BusinessDocType.REPLACE,
                BusinessDocType.REPLACE.defaultReason(), OptionalInt.of(0), List.of(), infos, List.of(staff),
                List.of());
        return document(replacement.header(), business, replacement.manifestAttributes(), replacement.manifest(),
                replacement.attachments(), clock);
    }

    /**
     * The status reply to a received document: {@code ResponseFor} names the received document (its sender, its
     * {@code number/notation}, promulgation date and {@code DocumentId}), timestamped now.
     *
     * @param received the document package that was received
     * @param reporter who reports ({@code From})
     * @param status the QĐ 28 status
     * @param staff who handles it ({@code StaffInfo})
     * @param description {@code Description}; "" for the status's own Vietnamese meaning
     * @param clock the time of {@code Timestamp}
     * @return the status package
     */
    public static StatusPackage statusReply(DocumentPackage received, Organization reporter, EdocStatus status,
            StaffInfo staff, String description, Clock clock) {
        require(received, "received");
        require(reporter, "reporter");
        require(status, "status");
        require(staff, "staff");
        require(description, "description");
        require(clock, "clock");
        MessageHeader h = received.header();
        ResponseFor responseFor = new ResponseFor(h.from().organId(), h.code().asText(),
                h.promulgationInfo().promulgationDate(), h.documentId());
        return new StatusPackage(reporter, responseFor, Optional.of(staff), status,
                description.isEmpty() ? status.description() : description, Optional.of(now(clock)),
                Optional.empty(), Optional.empty(), List.of());
    }

    private static DocumentPackage document(MessageHeader header, Business business,
            Map<String, String> manifestAttributes, List<Reference> manifest, List<Attachment> attachments,
            Clock clock) {
        TraceHeaderList trace = TraceHeaderList.of(TraceHeader.of(header.from().organId(), now(clock)), business);
        return new DocumentPackage(header, trace, Optional.empty(), manifestAttributes, manifest, attachments,
                List.of());
    }

    private static Business business(BusinessDocType type, String reason, DocumentPackage original,
            List<BusinessDocumentInfo> infos, List<ReplacementInfo> replacements, StaffInfo staff) {
        return new Business(Optional.of(original.header().documentId()), type,
                reason.isEmpty() ? type.defaultReason() : reason, OptionalInt.of(0), infos, replacements,
                List.of(staff), List.of());
    }

    private static LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), EdXmlDates.ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void require(Object value, String parameter) {
        if (value == null) {
            throw ValidationException.of("edxml.argument.null", parameter, parameter + " is required");
        }
    }

    private static <T> List<T> elements(List<T> values, String parameter) {
        require(values, parameter);
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T v = values.get(i);
            if (v == null) {
                throw ValidationException.of("edxml.argument.null", parameter + "[" + i + "]",
                        parameter + " must not hold null");
            }
            copy.add(v);
        }
        return List.copyOf(copy);
    }
}
