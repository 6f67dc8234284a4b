package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.cli.ExitCodes;

/** {@code egov axis ack DOCID}: tells the axis what became of a fetched package. */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge a fetched package: DONE (the default) takes it off the list.")
public final class AxisAck extends AxisCall {
    @Parameters(index = "0", paramLabel = "DOCID", description = "The axis's id of the package.")
    String docId;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "DONE",
            description = "PROCESSING, DONE or FAIL.")
    TransportAck status;

    /** The command, as picocli builds it. */
    public AxisAck() {
    }

    @Override
    int run(VdxpAxisClient client) {
        client.acknowledge(docId, status);
        if (output.json) {
            Json.print(spec, Json.object().put("docId", docId)
                    .put("status", status.name().toLowerCase(java.util.Locale.ROOT)));
        } else {
            spec.commandLine().getOut().println("acknowledged " + docId + " as "
                    + status.name().toLowerCase(java.util.Locale.ROOT));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
