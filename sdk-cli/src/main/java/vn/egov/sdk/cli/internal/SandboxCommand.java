package vn.egov.sdk.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.testkit.StandaloneSandbox;

/**
 * {@code egov sandbox}: the testkit's standalone sandbox ({@code java -jar national-sandbox.jar}) with the same
 * options, which it parses and checks itself; prints the URLs, test systems and keys, serves until Ctrl+C.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Start the national sandbox on 127.0.0.1, print its URLs, test systems and keys, and serve "
                + "until Ctrl+C. The options are the standalone sandbox jar's.")
public final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The TCP port, 0..65535 (default 0: a free port).")
    String port;

    @Option(names = "--vdxp-window", paramLabel = "SECONDS",
            description = "How far a national-axis timestamp may be from the sandbox clock.")
    String vdxpWindow;

    @Option(names = "--allow-remote-control",
            description = "Accept the control API /_sandbox/ under any Host header, not only 127.0.0.1 / localhost.")
    boolean allowRemoteControl;

    /** The command, as picocli builds it. */
    public SandboxCommand() {
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--port=" + port);
        }
        if (vdxpWindow != null) {
            args.add("--vdxp-window=" + vdxpWindow);
        }
        if (allowRemoteControl) {
            args.add("--allow-remote-control");
        }
        ByteArrayOutputStream failure = new ByteArrayOutputStream();
        int status;
        try (PrintStream err = new PrintStream(failure, true, StandardCharsets.UTF_8)) {
            status = StandaloneSandbox.run(args.toArray(String[]::new),
                    WriterStream.onto(spec.commandLine().getOut()), err);
        } catch (RuntimeException e) {
            return Failures.report(e, spec, new OutputOptions());
        }
        if (status == StandaloneSandbox.EXIT_OK) {
            return ExitCodes.OK;
        }
        String why = failure.toString(StandardCharsets.UTF_8).strip().replaceFirst("^NationalSandbox: ", "");
        PrintWriter err = spec.commandLine().getErr();
        if (status == StandaloneSandbox.EXIT_USAGE) {
            err.println("Lỗi: tham số không hợp lệ: " + why);
            err.println("Error: invalid argument: " + why);
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("Lỗi: không khởi động được sandbox: " + why);
        err.println("Error: cannot start the sandbox: " + why);
        err.flush();
        return ExitCodes.CANNOT_START;
    }
}
