package vn.egov.sdk.cli.internal;

import picocli.CommandLine.Option;

/** Whether a long transfer shows a progress bar on standard error. */
public final class ProgressOptions {
    /** When to show progress. */
    public enum ProgressMode {
        /** When the console is a terminal (the default). */
        auto,
        /** Also when standard error is not a terminal (a log file, a test); still never with {@code --json}. */
        always,
        /** Never. */
        never
    }

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "A progress bar on standard error, driven by the bytes sent or received: "
                    + "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: when the console is a terminal); never "
                    + "with --json.")
    ProgressMode mode = ProgressMode.auto;

    @Option(names = "--no-progress", description = "No progress bar (the same as --progress=never).")
    boolean off;

    /** Options as picocli fills them. */
    public ProgressOptions() {
    }

    /**
     * Whether to show progress.
     *
     * @param json whether the command prints JSON
     * @param terminal whether the console is a terminal
     * @return {@code true} to show it
     */
    boolean enabled(boolean json, boolean terminal) {
        if (off || json) {
            return false;
        }
        return switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> terminal && !json;
        };
    }
}
