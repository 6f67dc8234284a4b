package vn.egov.sdk.cli.internal;

/** Neither {@code --secret} nor the environment variable gave the axis secret. */
final class MissingSecretException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingSecretException(String message) {
        super(message);
    }
}
