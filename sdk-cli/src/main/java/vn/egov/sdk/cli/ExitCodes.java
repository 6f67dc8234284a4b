package vn.egov.sdk.cli;

/**
 * The exit statuses of every {@code egov} command, the same for all of them, so scripts can branch on them.
 */
public final class ExitCodes {
    /** The command did what was asked (a package is valid, a document was sent). */
    public static final int OK = 0;
    /**
     * The input was read but breaks rules: {@code edxml validate} found at least one error ({@code edxml write}: the
     * package would, so nothing was written); {@code verify}: a signature is invalid, indeterminate or missing.
     */
    public static final int INVALID = 1;
    /**
     * The command line is wrong: an unknown option, a missing argument, a malformed value; or an argument the SDK
     * refuses as the caller's fault (a local key that cannot sign, say).
     */
    public static final int USAGE = 2;
    /**
     * The input could not be read: a missing file, a truncated, hostile or oversized package or signature; a package
     * description that is malformed or has a missing, unknown or malformed key ({@code edxml write}).
     */
    public static final int UNREADABLE = 3;
    /** The remote side failed or refused: the axis answered with an error, or could not be reached. */
    public static final int REMOTE = 4;
    /** The credentials were refused, or none were given; a signing key that cannot be opened (wrong password). */
    public static final int AUTHENTICATION = 5;
    /** The command could not start what it serves (for example, the sandbox's port is taken). */
    public static final int CANNOT_START = 6;
    /** A failure the command did not expect: a bug, reported with {@code --verbose} for its stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
