package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlValidationReport;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.Violation;

/** {@code egov edxml write DESCRIPTION}: a package built from a small YAML or JSON description. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = {"Build an edXML package from a YAML or JSON description (a document, or kind: status), "
                + "check it against QCVN 102:2016 and write it.",
            "Exit 0 when written; 3 when the description cannot be read or has a missing, unknown or malformed key "
                + "(each named by its path); 1 when the package would break a rule (nothing is written)."})
public final class EdxmlWrite implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "The description (.yaml, .yml or .json).")
    Path description;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the package (default: the description's name with .edxml).")
    Path out;

    /** The command, as picocli builds it. */
    public EdxmlWrite() {
    }

    @Override
    public Integer call() {
        Path target = out != null ? out : defaultTarget(description);
        try (EdXmlPackage pkg = PackageDescription.build(description, Clock.systemUTC())) {
            EdXmlValidationReport report = EdXmlValidator.defaults().validate(pkg);
            if (!report.isValid()) {
                return refuse(report);
            }
            long bytes = write(pkg, target);
            print(pkg, target, bytes, report);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    private static Path defaultTarget(Path description) {
        String name = description.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return description.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".edxml");
    }

    private static long write(EdXmlPackage pkg, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".egov-write-", ".tmp");
            try (OutputStream os = Files.newOutputStream(temp)) {
                EdXml.write(pkg, os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file; the error that matters has been thrown
                }
            }
        }
    }

    private int refuse(EdXmlValidationReport report) {
        if (output.json) {
            ObjectNode json = Json.object();
            json.put("written", false);
            json.put("valid", false);
            violations(json, report);
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            for (Violation v : report.violations()) {
                out.println(v.severity().name().toLowerCase(Locale.ROOT) + "  " + v.code() + "  " + v.path() + "  "
                        + v.message());
            }
            out.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Lỗi: gói tin sẽ vi phạm quy tắc, không ghi: " + report.errors().size() + " lỗi");
        err.println("Error: the package would break rules, nothing written: " + report.errors().size()
                + " error(s)");
        err.flush();
        return ExitCodes.INVALID;
    }

    private void print(EdXmlPackage pkg, Path target, long bytes, EdXmlValidationReport report) {
        String kind = pkg instanceof StatusPackage ? "status" : "document";
        String id = pkg instanceof DocumentPackage d ? d.header().documentId().value()
                : ((StatusPackage) pkg).responseFor().documentId().value();
        int attachments = pkg instanceof DocumentPackage d ? d.attachments().size() : 0;
        if (output.json) {
            ObjectNode json = Json.object();
            json.put("written", true);
            json.put("file", target.toString());
            json.put("kind", kind);
            json.put("documentId", id);
            json.put("attachments", attachments);
            json.put("bytes", bytes);
            json.put("valid", true);
            violations(json, report);
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.println("đã ghi / written: " + target + " (" + kind + ", " + (kind.equals("status")
                    ? "answering " : "") + id + ", " + attachments + " attachment(s), " + bytes + " bytes, "
                    + report.warnings().size() + " warning(s))");
            out.flush();
        }
    }

    private static void violations(ObjectNode json, EdXmlValidationReport report) {
        json.put("errors", report.errors().size());
        json.put("warnings", report.warnings().size());
        ArrayNode list = json.putArray("violations");
        for (Violation v : report.violations()) {
            list.addObject().put("severity", v.severity().name().toLowerCase(Locale.ROOT)).put("code", v.code())
                    .put("path", v.path()).put("message", v.message());
        }
    }
}
