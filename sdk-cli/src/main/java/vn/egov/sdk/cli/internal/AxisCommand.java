package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code egov axis}: the national document axis (VDXP) commands. */
@Command(name = "axis", mixinStandardHelpOptions = true,
        description = "Send, list, fetch and acknowledge documents on the national document axis (VDXP), "
                + "or list its agencies.",
        subcommands = {AxisList.class, AxisFetch.class, AxisAck.class, AxisSend.class, AxisAgencies.class})
public final class AxisCommand extends ParentCommand {
    /** The group, as picocli builds it. */
    public AxisCommand() {
    }
}
