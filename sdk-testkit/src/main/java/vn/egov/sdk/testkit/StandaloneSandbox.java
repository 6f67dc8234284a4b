package vn.egov.sdk.testkit;

import java.io.PrintStream;
import java.net.BindException;
import vn.egov.sdk.core.Causes;

/**
 * The sandbox as a program ({@code java -jar national-sandbox.jar}), for testers who do not write Java: it prints
 * where each simulator listens and its test credentials, then serves until the process is stopped. See
 * {@code docs/SANDBOX.md}; {@code --help} lists the options, systems, keys and endpoints.
 *
 * <p>Exit status: 0 after a normal stop or {@code --help}, 1 when the sandbox cannot start (for example, the port is
 * taken), 2 when the command line is wrong. Every failure is one line on standard error, never a stack trace.
 */
public final class StandaloneSandbox {

    /**
     * Exit status: help shown, or {@link #run} returned after the sandbox stopped (a signal ends the process with its
     * own status).
     */
    public static final int EXIT_OK = 0;
    /** Exit status: the sandbox could not start. */
    public static final int EXIT_CANNOT_START = 1;
    /** Exit status: the command line is wrong. */
    public static final int EXIT_USAGE = 2;

    private StandaloneSandbox() {
    }

    /**
     * Runs the sandbox until the process is stopped; exits with the status of {@link #run}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != EXIT_OK) {
            System.exit(status);
        }
    }

    /**
     * Parses the command line, starts the sandbox, announces it on {@code out} and serves until the sandbox is closed
     * (by the JVM's shutdown, for example Ctrl+C).
     *
     * @param args the command line
     * @param out where the announcement and the help go
     * @param err where a failure goes, one line
     * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_CANNOT_START} or {@link #EXIT_USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Launch launch = launch(args, out, err);
        if (launch.sandbox() == null) {
            return launch.status();
        }
        NationalSandbox sandbox = launch.sandbox();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "national-sandbox-shutdown"));
        try {
            sandbox.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
        }
        return EXIT_OK;
    }

    /** What {@link #launch} did: a running sandbox, or the exit status when none was started. */
    record Launch(NationalSandbox sandbox, int status) {
    }

    /**
     * Parses the command line and starts the sandbox without waiting.
     *
     * @param args the command line
     * @param out where the announcement and the help go
     * @param err where a failure goes
     * @return the running sandbox, or none and the exit status
     */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args == null ? new String[0] : args);
        } catch (IllegalArgumentException e) {
            err.println("NationalSandbox: " + e.getMessage() + " (try --help)");
            err.flush();
            return new Launch(null, EXIT_USAGE);
        }
        if (options.help()) {
            out.print(StandaloneText.help());
            out.flush();
            return new Launch(null, EXIT_OK);
        }
        NationalSandbox sandbox;
        try {
            sandbox = NationalSandbox.builder().port(options.port()).vdxpTimestampWindow(options.vdxpWindow())
                    .controlFromAnyHost(options.controlFromAnyHost()).start();
        } catch (RuntimeException e) {
            err.println("NationalSandbox: " + cannotStart(options.port(), e));
            err.flush();
            return new Launch(null, EXIT_CANNOT_START);
        }
        out.print(StandaloneText.announcement(sandbox, options.vdxpWindow()));
        out.flush();
        return new Launch(sandbox, EXIT_OK);
    }

    private static String cannotStart(int port, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return "cannot listen on 127.0.0.1:" + port + ", the port is in use (choose another with --port N, "
                        + "or --port 0 for a free one)";
            }
        }
        return "cannot start on 127.0.0.1:" + port + ": " + Causes.describe(e);
    }
}
