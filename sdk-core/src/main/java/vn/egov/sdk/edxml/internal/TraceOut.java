package vn.egov.sdk.edxml.internal;

import vn.egov.sdk.edxml.Business;
import vn.egov.sdk.edxml.BusinessDocumentInfo;
import vn.egov.sdk.edxml.EdXmlNames;
import vn.egov.sdk.edxml.Receiver;
import vn.egov.sdk.edxml.ReplacementInfo;
import vn.egov.sdk.edxml.TraceHeader;
import vn.egov.sdk.edxml.TraceHeaderList;

/** Writes {@code TraceHeaderList}: the hops, then the business block ({@code Bussiness}, wire spelling). */
final class TraceOut {
    private final XmlOut out;
    private final XmlElementOut elements;
    private final HeaderOut header;

    /**
     * @param out the writer
     * @param elements the writer of extension elements
     * @param header the writer of shared parts ({@code StaffInfo})
     */
    TraceOut(XmlOut out, XmlElementOut elements, HeaderOut header) {
        this.out = out;
        this.elements = elements;
        this.header = header;
    }

    /** The trace list with its attributes as given. */
    void write(TraceHeaderList trace) {
        out.startEd("TraceHeaderList");
        elements.attributes(trace.attributes(), EdXmlNames.PREFIX, EdXmlNames.NAMESPACE, false);
        for (int i = 0; i < trace.traceHeaders().size(); i++) {
            TraceHeader hop = trace.traceHeaders().get(i);
            out.startEd("TraceHeader", i);
            out.leafEd("OrganId", hop.organId().value());
            header.dateTime("Timestamp", hop.timestamp());
            out.end();
        }
        trace.business().ifPresent(this::business);
        out.end();
    }

    private void business(Business b) {
        out.startEd("Bussiness");
        b.documentId().ifPresent(id -> out.leafEd("DocumentId", id.value()));
        out.leafEd("BussinessDocType", Integer.toString(b.type().code()));
        out.leafEd("BussinessDocReason", b.reason());
        out.leafEd("Paper", b.paper());
        for (int i = 0; i < b.documentInfos().size(); i++) {
            documentInfo(b.documentInfos().get(i), i);
        }
        if (!b.replacements().isEmpty()) {
            out.startEd("ReplacementInfoList");
            for (int i = 0; i < b.replacements().size(); i++) {
                replacement(b.replacements().get(i), i);
            }
            out.end();
        }
        for (int i = 0; i < b.staff().size(); i++) {
            header.staffInfo(b.staff().get(i), i);
        }
        header.extensions(b.extensions());
        out.end();
    }

    private void documentInfo(BusinessDocumentInfo info, int index) {
        out.startEd("BussinessDocumentInfo", index);
        out.leafEd("DocumentInfo", info.documentInfo());
        out.leafEd("DocumentReceiver", info.documentReceiver());
        out.startEd("ReceiverList");
        for (int i = 0; i < info.receivers().size(); i++) {
            Receiver r = info.receivers().get(i);
            out.startEd("Receiver", i);
            out.leafEd("OrganId", r.organId().value());
            out.leafEd("ReceiverType", r.receiverType());
            out.end();
        }
        out.end();
        out.end();
    }

    private void replacement(ReplacementInfo r, int index) {
        out.startEd("ReplacementInfo", index);
        out.leafEd("DocumentId", r.documentId().value());
        out.startEd("OrganIdList");
        for (int i = 0; i < r.organIds().size(); i++) {
            out.leafEd("OrganId", i, r.organIds().get(i).value());
        }
        out.end();
        out.end();
    }
}
