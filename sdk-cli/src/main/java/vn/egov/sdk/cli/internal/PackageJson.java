package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.TraceHeaderList;

/**
 * {@code edxml inspect --json}: the package's summary as a JSON object. Apart from {@link PackageSummary}'s table so
 * that printing the table loads none of Jackson's classes (the JVM's verifier would load them with the class).
 */
final class PackageJson {
    private PackageJson() {
    }

    static ObjectNode json(EdXmlPackage pkg) {
        ObjectNode json = Json.object();
        if (pkg instanceof DocumentPackage doc) {
            MessageHeader h = doc.header();
            json.put("kind", "document");
            json.put("businessType", doc.businessType().code());
            json.set("from", organizationJson(h.from()));
            ArrayNode to = json.putArray("to");
            h.to().forEach(o -> to.add(organizationJson(o)));
            json.put("documentId", h.documentId().value());
            json.put("codeNumber", h.code().codeNumber());
            json.put("codeNotation", h.code().codeNotation());
            json.put("subject", h.subject());
            json.put("promulgationPlace", h.promulgationInfo().place());
            h.promulgationInfo().promulgationDate().ifPresent(d -> json.put("promulgationDate", d.toString()));
            json.put("documentType", h.documentType().typeName());
            ArrayNode files = json.putArray("attachments");
            for (Attachment a : doc.attachments()) {
                files.addObject().put("name", a.name()).put("contentType", a.contentType())
                        .put("size", a.content().size());
            }
            traceJson(json, doc.traceHeaderList());
            json.put("signed", doc.signature().isPresent());
        } else if (pkg instanceof StatusPackage status) {
            json.put("kind", "status");
            json.set("from", organizationJson(status.from()));
            json.put("statusCode", status.status().code());
            json.put("status", status.status().description());
            json.put("respondsTo", status.responseFor().documentId().value());
            json.put("description", status.description());
            status.timestamp().ifPresent(t -> json.put("timestamp", t.toString()));
            traceJson(json, status.traceHeaderList());
            json.put("signed", status.signature().isPresent());
        }
        return json;
    }

    private static ObjectNode organizationJson(Organization o) {
        return Json.object().put("organId", o.organId().value()).put("organName", o.organName());
    }

    private static void traceJson(ObjectNode json, Optional<TraceHeaderList> trace) {
        ArrayNode hops = json.putArray("trace");
        trace.ifPresent(list -> list.traceHeaders().forEach(hop -> {
            ObjectNode node = hops.addObject().put("organId", hop.organId().value());
            hop.timestamp().ifPresent(t -> node.put("timestamp", t.toString()));
        }));
    }
}
