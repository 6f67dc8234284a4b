package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code egov edxml}: the edXML package commands. */
@Command(name = "edxml", mixinStandardHelpOptions = true,
        description = "Read, check and write edXML (QCVN 102:2016) packages.",
        subcommands = {EdxmlInspect.class, EdxmlValidate.class, EdxmlWrite.class})
public final class EdxmlCommand extends ParentCommand {
    /** The group, as picocli builds it. */
    public EdxmlCommand() {
    }
}
