package vn.egov.sdk.testkit;

import java.time.Duration;

/**
 * The command line of the standalone sandbox ({@link StandaloneSandbox#main(String[])}).
 *
 * @param port the port to listen on, 0 for a free one
 * @param vdxpWindow how far a national-axis timestamp may be from the sandbox clock
 * @param controlFromAnyHost whether the control API accepts any {@code Host} header
 * @param help whether {@code --help} was asked for
 */
record StandaloneOptions(int port, Duration vdxpWindow, boolean controlFromAnyHost, boolean help) {

    /** The usage line shown with an argument error. */
    static final String USAGE = "usage: java -jar national-sandbox.jar [--port N] [--vdxp-window SECONDS] "
            + "[--allow-remote-control] [--help]";

    /**
     * Parses {@code --port N} or {@code --port=N} and {@code --vdxp-window S} or {@code --vdxp-window=S}; no
     * arguments means port 0 and the default window.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming what is wrong, when an argument is unknown or malformed
     */
    static StandaloneOptions parse(String... args) {
        int port = 0;
        Duration window = VdxpSandbox.DEFAULT_WINDOW;
        boolean anyHost = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i] == null ? "" : args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("-?")) {
                return new StandaloneOptions(port, window, anyHost, true);
            }
            if (arg.equals("--allow-remote-control")) {
                anyHost = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals("--port") && !name.equals("--vdxp-window")) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            if (name.equals("--port")) {
                port = parsePort(value);
            } else {
                window = parseWindow(value);
            }
        }
        return new StandaloneOptions(port, window, anyHost, false);
    }

    private static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port is not a number: " + value, e);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        }
        return port;
    }

    private static Duration parseWindow(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--vdxp-window is not a number of seconds: " + value, e);
        }
        if (seconds < 0 || seconds > 366L * 24 * 3600) {
            throw new IllegalArgumentException("--vdxp-window must be 0..31622400 seconds, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
