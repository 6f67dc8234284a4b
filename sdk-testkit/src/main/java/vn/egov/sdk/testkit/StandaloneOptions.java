package vn.egov.sdk.testkit;

/**
 * The command line of the standalone sandbox ({@link NationalSandbox#main(String[])}).
 *
 * @param port the port to listen on, 0 for a free one
 */
record StandaloneOptions(int port) {

    /** The usage line shown with an argument error. */
    static final String USAGE = "usage: NationalSandbox [--port N]   (N in 0..65535; 0, the default, picks a free port)";

    /**
     * Parses {@code --port N} or {@code --port=N}; no arguments means port 0.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming what is wrong, when an argument is unknown or malformed
     */
    static StandaloneOptions parse(String... args) {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--port")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--port needs a value");
                }
                value = args[++i];
            } else if (arg.startsWith("--port=")) {
                value = arg.substring("--port=".length());
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            port = parsePort(value);
        }
        return new StandaloneOptions(port);
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
}
