package vn.egov.sdk.cli.internal;

/** A command could not start what it serves, for example a port is taken. */
final class CannotStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
