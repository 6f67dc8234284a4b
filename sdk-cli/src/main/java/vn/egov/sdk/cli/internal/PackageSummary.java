package vn.egov.sdk.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.TraceHeader;
import vn.egov.sdk.edxml.TraceHeaderList;

/** A package's header as rows of a two-column table ({@link PackageJson} has the same fields as JSON). */
final class PackageSummary {
    private PackageSummary() {
    }

    /** One row of the table: a label and its value. */
    record Row(String label, String value) {
    }

    static List<Row> rows(EdXmlPackage pkg) {
        List<Row> rows = new ArrayList<>();
        if (pkg instanceof DocumentPackage doc) {
            MessageHeader h = doc.header();
            rows.add(new Row("Kind", "document (" + doc.businessType().name().toLowerCase(java.util.Locale.ROOT) + ")"));
            rows.add(new Row("From", organization(h.from())));
            for (Organization to : h.to()) {
                rows.add(new Row("To", organization(to)));
            }
            rows.add(new Row("Document id", h.documentId().value()));
            rows.add(new Row("Code", h.code().asText()));
            rows.add(new Row("Subject", h.subject()));
            rows.add(new Row("Promulgation", h.promulgationInfo().place() + h.promulgationInfo().promulgationDate()
                    .map(d -> ", " + d).orElse("")));
            rows.add(new Row("Document type", h.documentType().typeName()));
            for (Attachment a : doc.attachments()) {
                rows.add(new Row("Attachment", a.name() + " (" + a.contentType() + ", " + a.content().size() + " bytes)"));
            }
            trace(rows, doc.traceHeaderList());
            rows.add(new Row("Signed", doc.signature().isPresent() ? "yes" : "no"));
        } else if (pkg instanceof StatusPackage status) {
            rows.add(new Row("Kind", "status"));
            rows.add(new Row("From", organization(status.from())));
            rows.add(new Row("Status", status.status().code() + " " + status.status().description()));
            rows.add(new Row("Responds to", status.responseFor().documentId().value()));
            rows.add(new Row("Description", status.description()));
            status.timestamp().ifPresent(t -> rows.add(new Row("Timestamp", t.toString())));
            trace(rows, status.traceHeaderList());
            rows.add(new Row("Signed", status.signature().isPresent() ? "yes" : "no"));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(String.format("%-" + width + "s  %s%n", row.label(), row.value()));
        }
        return text.toString();
    }

    private static String organization(Organization o) {
        return o.organId().value() + (o.organName().isEmpty() ? "" : "  " + o.organName());
    }

    private static void trace(List<Row> rows, Optional<TraceHeaderList> trace) {
        trace.ifPresent(list -> list.traceHeaders().forEach(hop -> rows.add(new Row("Trace", hop(hop)))));
    }

    private static String hop(TraceHeader hop) {
        return hop.organId().value() + hop.timestamp().map(t -> " at " + t).orElse("");
    }
}
