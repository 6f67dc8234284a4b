package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Option;

/** The options every command that prints a result takes: JSON for scripts, stack traces for bug reports. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print the result as JSON on standard output (for scripts).")
    boolean json;

    @Option(names = "--verbose", description = "On an error, also print its stack trace.")
    boolean verbose;

    /** Options as picocli fills them. */
    public OutputOptions() {
    }
}
