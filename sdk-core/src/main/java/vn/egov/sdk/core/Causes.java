package vn.egov.sdk.core;

/**
 * Words for an underlying failure inside an SDK message. A {@code Throwable}'s {@code getMessage()} may be
 * {@code null} (a bare {@code EOFException}, a JDK {@code NullPointerException}); concatenated as is it would end a
 * message in ": null". Every message the SDK builds from a cause goes through {@link #describe(Throwable)}.
 */
public final class Causes {
    private Causes() {
    }

    /**
     * The cause's message, or its class's simple name when it has no message (or a blank one).
     *
     * @param cause the failure; {@code null} gives {@code "unknown cause"}
     * @return never {@code null} nor blank
     */
    public static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank() || "null".equals(message.strip())) {
            String name = cause.getClass().getSimpleName();
            return name.isEmpty() ? cause.getClass().getName() : name;
        }
        return message;
    }
}
