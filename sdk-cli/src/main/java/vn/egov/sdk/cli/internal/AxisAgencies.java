package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.cli.ExitCodes;

/** {@code egov axis agencies}: the agencies the axis connects. */
@Command(name = "agencies", mixinStandardHelpOptions = true, description = "List the agencies the axis connects.")
public final class AxisAgencies extends AxisCall {
    @Option(names = "--codes", paramLabel = "SYSTEM", defaultValue = "QCVN_102",
            description = "Which agency codes: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    CodeSystem codes;

    /** The command, as picocli builds it. */
    public AxisAgencies() {
    }

    @Override
    int run(VdxpAxisClient client) {
        List<Agency> agencies = client.agencies(codes);
        if (output.json) {
            ObjectNode json = Json.object();
            ArrayNode list = json.putArray("agencies");
            for (Agency a : agencies) {
                ObjectNode node = list.addObject().put("code", a.code()).put("name", a.name()).put("email", a.email());
                a.parentCode().ifPresent(p -> node.put("parentCode", p));
            }
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            agencies.forEach(a -> out.println(a.code() + "  " + a.name()));
            out.println(agencies.size() + " agencies");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
