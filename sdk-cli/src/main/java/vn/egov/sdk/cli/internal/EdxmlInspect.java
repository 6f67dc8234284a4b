package vn.egov.sdk.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.edxml.EdXmlPackage;

/** {@code egov edxml inspect FILE}: a package's header as a table, or as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a package's header: from, to, code, subject, promulgation, document type, "
                + "attachments with their sizes, trace.")
public final class EdxmlInspect implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The edXML package.")
    Path file;

    /** The command, as picocli builds it. */
    public EdxmlInspect() {
    }

    @Override
    public Integer call() {
        try (EdXmlPackage pkg = PackageFiles.read(file)) {
            if (output.json) {
                Json.print(spec, PackageJson.json(pkg));
            } else {
                spec.commandLine().getOut().print(PackageSummary.table(PackageSummary.rows(pkg)));
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }
}
