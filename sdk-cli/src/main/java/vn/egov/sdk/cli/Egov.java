package vn.egov.sdk.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.internal.AxisCommand;
import vn.egov.sdk.cli.internal.CommandTree;
import vn.egov.sdk.cli.internal.EdxmlCommand;
import vn.egov.sdk.cli.internal.LoginCommand;
import vn.egov.sdk.cli.internal.PayCommand;
import vn.egov.sdk.cli.internal.SandboxCommand;
import vn.egov.sdk.cli.internal.SignCommand;
import vn.egov.sdk.cli.internal.VerifyCommand;

/**
 * The {@code egov} command line: {@code java -jar egov.jar COMMAND ...}, {@code --help} on every command.
 *
 * <p>Tests and programs run it without exiting the JVM:
 * {@code new CommandLine(new Egov()).execute("edxml", "validate", "doc.edxml")} returns one of {@link ExitCodes}.
 */
@Command(name = "egov", mixinStandardHelpOptions = true, versionProvider = Egov.Version.class,
        description = "Vietnam e-government SDK on the command line: edXML packages, signatures, the national "
                + "sandbox, the document axis, payments and the national SSO login.",
        subcommands = {EdxmlCommand.class, SignCommand.class, VerifyCommand.class, SandboxCommand.class,
            AxisCommand.class, PayCommand.class, LoginCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; a valid package or signature", "1:the package breaks rules; a signature is not valid",
            "2:wrong command line or argument",
            "3:unreadable input", "4:the axis failed or refused", "5:credentials refused or missing",
            "6:cannot start", "70:unexpected failure"})
public final class Egov implements Callable<Integer> {
    @Spec
    private CommandSpec spec;


    /** A command with its subcommands, nothing done until it is executed. */
    public Egov() {
    }

    /**
     * Without a command: prints the usage on standard error.
     *
     * @return {@link ExitCodes#USAGE}
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Runs the command line and exits the JVM with its status. To start faster, it builds only the branch of
     * the command model that the first argument names (the whole tree for help, completion or an unknown command);
     * what it prints is the same as with {@code new CommandLine(new Egov())}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(CommandTree.forArguments(Egov.class, args).execute(args));
    }

    /** The version shown by {@code --version}: the jar's implementation version when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Egov.class.getPackage().getImplementationVersion();
            return new String[] {"egov " + (version == null ? "(development build)" : version)};
        }
    }
}
