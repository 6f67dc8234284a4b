package vn.egov.sdk.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXmlPackage;

/** {@code egov axis send FILE}: sends a package to the recipients its header names. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a package file to the recipients in its header (checked first; nothing is sent when it "
                + "breaks a rule: exit 1).")
public final class AxisSend extends AxisCall {
    @Parameters(index = "0", paramLabel = "FILE", description = "The edXML package.")
    Path file;

    @Mixin
    ProgressOptions progressOptions;

    /** The command, as picocli builds it. */
    public AxisSend() {
    }

    @Override
    TransferProgress progress() {
        return progress(progressOptions, TransferProgress.Direction.UPLOAD, "sending " + file.getFileName());
    }

    @Override
    int run(VdxpAxisClient client) {
        try (EdXmlPackage pkg = PackageFiles.read(file)) {
            SendResult sent;
            try {
                sent = client.send(pkg);
            } catch (ValidationException e) {
                return Failures.reportInvalidPackage(e, spec, output);
            }
            if (output.json) {
                Json.print(spec, Json.object().put("docId", sent.docId()).put("documentId", sent.documentId())
                        .put("duplicate", sent.duplicate()).put("sha256", sent.sha256()).put("size", sent.size()));
            } else {
                spec.commandLine().getOut().println("sent " + file + " as " + sent.docId()
                        + (sent.duplicate() ? " (already sent before)" : "") + ", " + sent.size() + " bytes");
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        }
    }
}
