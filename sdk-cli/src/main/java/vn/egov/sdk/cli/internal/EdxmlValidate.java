package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlValidationReport;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.Violation;

/** {@code egov edxml validate FILE}: every rule a package breaks, at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a package against QCVN 102:2016 and list every violation at once. "
                + "Exit 0 when it has no error (warnings allowed), 1 when it has one.")
public final class EdxmlValidate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The edXML package.")
    Path file;

    /** The command, as picocli builds it. */
    public EdxmlValidate() {
    }

    @Override
    public Integer call() {
        EdXmlValidationReport report;
        try (EdXmlPackage pkg = PackageFiles.read(file)) {
            report = EdXmlValidator.defaults().validate(pkg);
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
        if (output.json) {
            ObjectNode json = Json.object();
            json.put("valid", report.isValid());
            json.put("errors", report.errors().size());
            json.put("warnings", report.warnings().size());
            ArrayNode list = json.putArray("violations");
            for (Violation v : report.violations()) {
                list.addObject().put("severity", v.severity().name().toLowerCase(Locale.ROOT)).put("code", v.code())
                        .put("path", v.path()).put("message", v.message());
            }
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            Colors colors = Colors.of(output);
            for (Violation v : report.violations()) {
                String severity = v.severity().name().toLowerCase(Locale.ROOT);
                out.println((v.severity() == Violation.Severity.ERROR ? colors.red(severity) : colors.yellow(severity))
                        + "  " + v.code() + "  " + v.path() + "  " + v.message());
            }
            out.println(report.isValid()
                    ? colors.green("hợp lệ / valid") + " (" + report.warnings().size() + " warning(s))"
                    : colors.red("không hợp lệ / invalid") + ": " + report.errors().size() + " error(s), "
                            + report.warnings().size() + " warning(s)");
            out.flush();
        }
        return report.isValid() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
