package vn.egov.sdk.edxml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.edxml.Business;
import vn.egov.sdk.edxml.BusinessDocType;
import vn.egov.sdk.edxml.BusinessDocumentInfo;
import vn.egov.sdk.edxml.Code;
import vn.egov.sdk.edxml.DocumentId;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.PromulgationInfo;
import vn.egov.sdk.edxml.Receiver;
import vn.egov.sdk.edxml.Reference;
import vn.egov.sdk.edxml.ReplacementInfo;
import vn.egov.sdk.edxml.ResponseFor;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.TraceHeader;
import vn.egov.sdk.edxml.TraceHeaderList;
import vn.egov.sdk.edxml.XmlElement;

/** Maps the {@code edXMLEnvelope} tree onto the typed model, tolerant of order, keeping what it does not know. */
final class EnvelopeMapper {
    private static final Set<String> HEADER = Set.of("From", "To", "DocumentId", "Code", "PromulgationInfo",
            "DocumentType", "Subject", "Content", "SignerInfo", "DueDate", "ToPlaces", "OtherInfo", "ResponseFor",
            "SteeringType", "ResponseForTask", "ApplicationType");
    private static final Set<String> STATUS_HEADER = Set.of("From", "ResponseFor", "StaffInfo", "StatusCode",
            "Description", "Timestamp");
    private static final Set<String> OTHER_INFO = Set.of("Priority", "SphereOfPromulgation", "TyperNotation",
            "PromulgationAmount", "PageAmount", "Direction", "Appendixes");
    private static final Set<String> BUSINESS = Set.of("DocumentId", "BussinessDocType", "BussinessDocReason",
            "Paper", "BussinessDocumentInfo", "ReplacementInfoList", "StaffInfo");
    private static final Set<String> ENVELOPE_HEADER = Set.of("MessageHeader", "TraceHeaderList");

    private final boolean strict;

    EnvelopeMapper(boolean strict) {
        this.strict = strict;
    }

    /** Whether the envelope holds a status package (its header has a {@code StatusCode}). */
    static boolean isStatus(XmlElement envelope) {
        return new Node(envelope, "").child("edXMLHeader").flatMap(h -> h.child("MessageHeader"))
                .flatMap(m -> m.child("StatusCode")).isPresent();
    }

    /** A document package without its attachments' content (the caller adds them). */
    DocumentPackage document(XmlElement envelope) {
        Node env = new Node(envelope, "");
        Node header = env.require("edXMLHeader");
        Node mh = new Node(header.require("MessageHeader").element(), "MessageHeader");
        MessageHeader messageHeader = messageHeader(mh);
        TraceHeaderList trace = header.child("TraceHeaderList")
                .map(t -> traceList(new Node(t.element(), "TraceHeaderList")))
                .orElse(new TraceHeaderList(null, null, null));
        List<Reference> manifest = new ArrayList<>();
        java.util.Map<String, String> manifestAttributes = null;
        Optional<Node> body = env.child("edXMLBody");
        if (body.isPresent()) {
            Optional<Node> m = body.get().child("edXMLManifest");
            if (m.isPresent()) {
                Node mf = new Node(m.get().element(), "edXMLManifest");
                manifestAttributes = mf.element().attributes();
                for (Node ref : mf.children("Reference")) {
                    manifest.add(new Reference(ref.text("ContentId"), ref.text("ContentType"),
                            ref.text("Description"), ref.text("AttachmentName"), ref.element().attributes()));
                }
            }
        }
        return new DocumentPackage(messageHeader, trace, signature(header), manifestAttributes, manifest, List.of(),
                headerExtensions(header));
    }

    /** A status package. */
    StatusPackage status(XmlElement envelope) {
        Node header = new Node(envelope, "").require("edXMLHeader");
        Node mh = new Node(header.require("MessageHeader").element(), "MessageHeader");
        Optional<TraceHeaderList> trace = header.child("TraceHeaderList")
                .map(t -> traceList(new Node(t.element(), "TraceHeaderList")));
        return new StatusPackage(organization(mh.child("From").orElse(null)),
                mh.child("ResponseFor").map(this::responseFor).orElse(null),
                mh.child("StaffInfo").map(EnvelopeMapper::staff), EdocStatus.of(mh.text("StatusCode")),
                mh.text("Description"), mh.dateTime("Timestamp"), trace, signature(header),
                mh.unknown(STATUS_HEADER, strict));
    }

    private MessageHeader messageHeader(Node mh) {
        Node other = mh.child("OtherInfo").orElse(null);
        return new MessageHeader(
                organization(mh.child("From").orElse(null)),
                mh.children("To").stream().map(EnvelopeMapper::organization).toList(),
                DocumentId.of(mh.text("DocumentId")),
                mh.child("Code").map(c -> new Code(c.text("CodeNumber"), c.text("CodeNotation"))).orElse(null),
                mh.child("PromulgationInfo").map(p -> new PromulgationInfo(p.text("Place"), p.date("PromulgationDate")))
                        .orElse(null),
                mh.child("DocumentType").map(d -> new DocumentType(d.integer("Type"), d.integer("TypeDetail"),
                        d.text("TypeName"))).orElse(null),
                mh.text("Subject"),
                mh.text("Content"),
                mh.child("SignerInfo").map(s -> new SignerInfo(s.text("Competence"), s.text("Position"),
                        s.text("FullName"))).orElse(null),
                mh.date("DueDate"),
                mh.child("ToPlaces").map(t -> t.texts("Place")).orElse(List.of()),
                other == null ? null : otherInfo(other),
                mh.children("ResponseFor").stream().map(this::responseFor).toList(),
                mh.integer("SteeringType"),
                mh.child("ResponseForTask").map(t -> t.texts("TaskCode")).orElse(List.of()),
                mh.child("ApplicationType").map(Node::text),
                mh.unknown(HEADER, strict));
    }

    private OtherInfo otherInfo(Node o) {
        return new OtherInfo(o.integer("Priority"), o.text("SphereOfPromulgation"), o.text("TyperNotation"),
                o.integer("PromulgationAmount"), o.integer("PageAmount"), o.bool("Direction"),
                o.child("Appendixes").map(a -> a.texts("Appendix")).orElse(List.of()), o.unknown(OTHER_INFO, strict));
    }

    private ResponseFor responseFor(Node r) {
        return new ResponseFor(OrganId.of(r.text("OrganId")), r.text("Code"), r.date("PromulgationDate"),
                DocumentId.of(r.text("DocumentId")));
    }

    private TraceHeaderList traceList(Node t) {
        List<TraceHeader> hops = t.children("TraceHeader").stream()
                .map(h -> new TraceHeader(OrganId.of(h.text("OrganId")), h.dateTime("Timestamp"))).toList();
        return new TraceHeaderList(hops, t.child("Bussiness").map(this::business), t.element().attributes());
    }

    private Business business(Node b) {
        int code = b.integer("BussinessDocType").orElseThrow(() -> new EdXmlFormatException(
                b.path() + ".BussinessDocType", "element is missing or empty", null));
        BusinessDocType type = BusinessDocType.fromCode(code).orElseThrow(() -> new EdXmlFormatException(
                b.path() + ".BussinessDocType", "must be 0 (new), 1 (revoke), 2 (update) or 3 (replace), found "
                + code, null));
        List<BusinessDocumentInfo> infos = b.children("BussinessDocumentInfo").stream()
                .map(i -> new BusinessDocumentInfo(i.integer("DocumentInfo"), i.integer("DocumentReceiver"),
                        i.child("ReceiverList").map(l -> l.children("Receiver").stream()
                                .map(r -> new Receiver(OrganId.of(r.text("OrganId")), r.integer("ReceiverType")))
                                .toList()).orElse(List.of())))
                .toList();
        List<ReplacementInfo> replacements = new ArrayList<>();
        for (Node list : b.children("ReplacementInfoList")) {
            for (Node r : list.children("ReplacementInfo")) {
                replacements.add(new ReplacementInfo(DocumentId.of(r.text("DocumentId")),
                        r.child("OrganIdList").map(l -> l.texts("OrganId").stream().map(OrganId::of).toList())
                                .orElse(List.of())));
            }
        }
        Optional<DocumentId> documentId = b.child("DocumentId").map(d -> DocumentId.of(d.text()));
        return new Business(documentId, type, b.text("BussinessDocReason"), b.integer("Paper"), infos, replacements,
                b.children("StaffInfo").stream().map(EnvelopeMapper::staff).toList(), b.unknown(BUSINESS, strict));
    }

    private static Organization organization(Node o) {
        if (o == null) {
            return null;
        }
        return new Organization(OrganId.of(o.text("OrganId")), o.text("OrganizationInCharge"), o.text("OrganName"),
                o.text("OrganAdd"), o.text("Email"), o.text("Telephone"), o.text("Fax"), o.text("Website"));
    }

    private static StaffInfo staff(Node s) {
        return new StaffInfo(s.text("Department"), s.text("DepartmentId"), s.text("Staff"), s.text("StaffId"),
                s.text("Email"), s.text("Mobile"));
    }

    private static Optional<XmlElement> signature(Node header) {
        for (XmlElement c : header.element().children()) {
            if (c.localName().equals("Signature") || Node.isEdXml(c) && c.localName().equals("DigitalSignature")) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private List<XmlElement> headerExtensions(Node header) {
        List<XmlElement> out = new ArrayList<>();
        boolean signatureSeen = false;
        for (XmlElement c : header.element().children()) {
            boolean isSignature = c.localName().equals("Signature")
                    || Node.isEdXml(c) && c.localName().equals("DigitalSignature");
            if (isSignature && !signatureSeen) {
                signatureSeen = true;
            } else if (!(Node.isEdXml(c) && ENVELOPE_HEADER.contains(c.localName()))) {
                if (strict) {
                    throw new EdXmlFormatException("edXMLHeader." + c.localName(), "unknown element (strict reading)",
                            null);
                }
                out.add(c);
            }
        }
        return out;
    }
}
