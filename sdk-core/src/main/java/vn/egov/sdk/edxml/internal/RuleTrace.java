package vn.egov.sdk.edxml.internal;

import java.util.List;
import vn.egov.sdk.edxml.Business;
import vn.egov.sdk.edxml.BusinessDocType;
import vn.egov.sdk.edxml.ReplacementInfo;
import vn.egov.sdk.edxml.TraceHeader;
import vn.egov.sdk.edxml.TraceHeaderList;
import vn.egov.sdk.edxml.Violation.Kind;

/** The rules of {@code TraceHeaderList}: each hop, and for document packages the business block. */
public final class RuleTrace {
    private static final String T = "TraceHeaderList.";
    private static final String B = T + "Bussiness";

    private RuleTrace() {
    }

    /**
     * Checks every {@code TraceHeader}: organ id and timestamp required (no pattern check: the axes put their own
     * system ids there).
     *
     * @param trace the list
     * @param ctx the run
     */
    public static void checkHops(TraceHeaderList trace, ValidationContext ctx) {
        List<TraceHeader> hops = trace.traceHeaders();
        for (int i = 0; i < hops.size(); i++) {
            String path = ValidationContext.indexed(T + "TraceHeader", i);
            ctx.required(hops.get(i).organId().value(), path + ".OrganId");
            if (hops.get(i).timestamp().isEmpty()) {
                ctx.error(Kind.MISSING, path + ".Timestamp", path + ".Timestamp is required");
            }
        }
    }

    /**
     * Checks the hops and the business block of a document package: the block is required, and what its type
     * needs is present.
     *
     * @param trace the list
     * @param ctx the run
     */
    public static void checkDocument(TraceHeaderList trace, ValidationContext ctx) {
        checkHops(trace, ctx);
        if (trace.business().isEmpty()) {
            ctx.error(Kind.MISSING, B, B + " (the business block) is required in a document package");
            return;
        }
        Business business = trace.business().get();
        BusinessDocType type = business.type();
        if ((type == BusinessDocType.REVOKE || type == BusinessDocType.UPDATE)
                && business.documentId().filter(id -> !id.isEmpty()).isEmpty()) {
            ctx.error(Kind.MISSING, B + ".DocumentId", B + ".DocumentId (the document concerned) is required for "
                    + type);
        }
        if (type == BusinessDocType.UPDATE && business.documentInfos().isEmpty()) {
            ctx.error(Kind.MISSING, B + ".BussinessDocumentInfo",
                    "an update needs at least one " + B + ".BussinessDocumentInfo");
        }
        if (type == BusinessDocType.REPLACE) {
            replacements(business.replacements(), ctx);
        }
    }

    private static void replacements(List<ReplacementInfo> list, ValidationContext ctx) {
        String base = B + ".ReplacementInfoList.ReplacementInfo";
        if (list.isEmpty()) {
            ctx.error(Kind.MISSING, base, "a replacement needs at least one " + base + " naming the replaced document");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = ValidationContext.indexed(base, i) + ".DocumentId";
            ctx.required(list.get(i).documentId().value(), path);
        }
    }
}
