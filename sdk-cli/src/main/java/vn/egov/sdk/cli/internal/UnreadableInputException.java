package vn.egov.sdk.cli.internal;

/** An input file that could not be opened or read (missing, a directory, no permission). */
class UnreadableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
