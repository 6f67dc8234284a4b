package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.cli.ExitCodes;

/** {@code egov axis list}: what is waiting for this system. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List what is waiting for this system.")
public final class AxisList extends AxisCall {
    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "EDOC",
            description = "EDOC (documents, the default) or STATUS (status packages).")
    MessageType type;

    /** The command, as picocli builds it. */
    public AxisList() {
    }

    @Override
    int run(VdxpAxisClient client) {
        List<ReceivedItem> items = client.listReceived(type);
        if (output.json) {
            ObjectNode json = Json.object();
            ArrayNode list = json.putArray("items");
            for (ReceivedItem item : items) {
                ObjectNode node = list.addObject().put("docId", item.docId())
                        .put("type", item.messageType().name().toLowerCase(java.util.Locale.ROOT))
                        .put("from", item.from()).put("to", item.to()).put("status", item.status());
                item.created().ifPresent(t -> node.put("created", t.toString()));
            }
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            for (ReceivedItem item : items) {
                out.println(item.docId() + "  " + item.from() + "  " + item.status()
                        + item.created().map(t -> "  " + t).orElse(""));
            }
            out.println(items.size() + " waiting");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
