package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Option;

/**
 * The options every command that prints a result takes: JSON for scripts, stack traces for bug reports, colour for
 * people.
 */
public final class OutputOptions {
    /** When to colour errors and warnings. */
    public enum ColorMode {
        /** When the console is a terminal and {@code NO_COLOR} is not set (the default). */
        auto,
        /** Always, even into a pipe. */
        always,
        /** Never. */
        never
    }

    @Option(names = "--json", description = "Print the result as JSON on standard output (for scripts).")
    boolean json;

    @Option(names = "--verbose", description = "On an error, also print its stack trace.")
    boolean verbose;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour errors red and warnings yellow: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: "
                    + "when the console is a terminal and NO_COLOR is not set; never with --json).")
    ColorMode color = ColorMode.auto;

    /** Options as picocli fills them. */
    public OutputOptions() {
    }
}
