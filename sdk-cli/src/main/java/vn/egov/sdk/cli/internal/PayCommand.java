package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code egov pay}: payments through a national payment system, for manual testing. */
@Command(name = "pay", mixinStandardHelpOptions = true,
        description = "Create a payment, ask for its state, check a captured result callback, or reconcile a day, "
                + "against the sandbox or any payment system (DVCQG payment platform, PayGov, Keypay).",
        subcommands = {PayCreate.class, PayStatus.class, PayCallbackCheck.class, PayReconcile.class})
public final class PayCommand extends ParentCommand {
    /** The group, as picocli builds it. */
    public PayCommand() {
    }
}
