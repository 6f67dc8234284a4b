package vn.egov.sdk.cli.internal;

/** The login's redirect did not come back in time (or the wait was interrupted). */
final class LoginTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoginTimeoutException(String message) {
        super(message);
    }
}
