package vn.egov.sdk.cli.internal;

/**
 * ANSI colours for a terminal: red errors, yellow warnings, green success. On only when asked ({@code --color=always})
 * or, by default, when the console is a terminal and the environment variable {@code NO_COLOR} is unset or empty
 * (<a href="https://no-color.org">no-color.org</a>); never in JSON.
 */
final class Colors {
    private static final String RESET = "\u001B[0m";
    private static final Colors OFF = new Colors(false);
    private static final Colors ON = new Colors(true);

    private final boolean on;

    private Colors(boolean on) {
        this.on = on;
    }

    /**
     * The colours for a command's options, in this process.
     *
     * @param options the command's output options
     * @return the colours, off in JSON mode
     */
    static Colors of(OutputOptions options) {
        return enabled(options.json ? OutputOptions.ColorMode.never : options.color, System.console() != null,
                System.getenv("NO_COLOR")) ? ON : OFF;
    }

    /**
     * Whether to colour.
     *
     * @param mode the {@code --color} choice
     * @param terminal whether the console is a terminal
     * @param noColor the value of {@code NO_COLOR}, or {@code null} when unset
     * @return {@code true} to colour
     */
    static boolean enabled(OutputOptions.ColorMode mode, boolean terminal, String noColor) {
        return switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> terminal && (noColor == null || noColor.isEmpty());
        };
    }

    String red(String text) {
        return paint("\u001B[31m", text);
    }

    String yellow(String text) {
        return paint("\u001B[33m", text);
    }

    String green(String text) {
        return paint("\u001B[32m", text);
    }

    private String paint(String code, String text) {
        return on ? code + text + RESET : text;
    }
}
