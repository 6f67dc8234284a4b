package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.egov.sdk.signing.validation.ValidationReport;

/** The SDK's validation reports as text (one block per signature) or as one JSON object. */
final class SignatureReports {
    private SignatureReports() {
    }

    static ObjectNode json(String file, SignatureFormat format, List<ValidationReport> reports) {
        ObjectNode json = Json.object();
        json.put("file", file);
        json.put("format", format.label());
        json.put("valid", !reports.isEmpty() && reports.stream().allMatch(ValidationReport::isValid));
        ArrayNode list = json.putArray("signatures");
        for (ValidationReport r : reports) {
            ObjectNode s = list.addObject();
            s.put("id", r.signatureId());
            s.put("indication", r.indication().name());
            s.put("subIndication", r.subIndication().map(Enum::name).orElse(null));
            s.put("failedCheck", SignatureChecks.failed(r).orElse(null));
            s.put("reason", r.reason());
            s.put("signer", r.signer().map(SignatureReports::subject).orElse(null));
            s.put("signingTime", r.signingTime().map(Object::toString).orElse(null));
            ArrayNode chain = s.putArray("chain");
            r.chain().forEach(c -> chain.add(subject(c)));
            s.put("trustAnchor", r.chain().isEmpty() ? null : subject(r.chain().get(r.chain().size() - 1)));
            ObjectNode revocation = s.putObject("revocation");
            revocation.put("status", r.revocation().status().name());
            revocation.put("source", r.revocation().source());
            revocation.put("revokedAt", r.revocation().revokedAt().map(Object::toString).orElse(null));
            revocation.put("detail", r.revocation().detail());
            ObjectNode checks = s.putObject("checks");
            SignatureChecks.of(r).forEach(checks::put);
            ArrayNode warnings = s.putArray("warnings");
            r.warnings().forEach(warnings::add);
        }
        return json;
    }

    static void text(PrintWriter out, String file, SignatureFormat format, List<ValidationReport> reports) {
        out.println(file + " (" + format.label() + "): " + reports.size() + " signature(s)");
        for (ValidationReport r : reports) {
            out.println();
            row(out, "signature", r.signatureId());
            row(out, "result", r.indication() + r.subIndication().map(s -> " / " + s.name()).orElse("")
                    + SignatureChecks.failed(r).map(c -> " (check failed: " + c + ")").orElse(""));
            row(out, "reason", r.reason());
            row(out, "signer", r.signer().map(SignatureReports::subject).orElse("(none found)"));
            row(out, "signing time", r.signingTime().map(Object::toString).orElse("(none)"));
            row(out, "chain", r.chain().isEmpty() ? "(none built)"
                    : r.chain().stream().map(SignatureReports::subject).collect(Collectors.joining("  ->  "))
                            + "  (trust anchor)");
            row(out, "revocation", r.revocation().status() + " (" + r.revocation().source() + ")"
                    + (r.revocation().detail().isEmpty() ? "" : ": " + r.revocation().detail()));
            Map<String, String> checks = SignatureChecks.of(r);
            row(out, "checks", checks.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
            for (String w : r.warnings()) {
                row(out, "warning", w);
            }
        }
        boolean valid = !reports.isEmpty() && reports.stream().allMatch(ValidationReport::isValid);
        out.println();
        out.println(valid ? "hợp lệ / valid" : "không hợp lệ / not valid");
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(String.format("  %-13s %s", label, value.replace('\n', ' ').replace('\r', ' ')));
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }
}
