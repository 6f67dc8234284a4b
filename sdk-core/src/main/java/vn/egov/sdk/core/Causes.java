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
        return hasMessage(cause) ? cause.getMessage() : name(cause);
    }

    /**
     * The cause's class's simple name, and its message when it has one: for file and socket failures, whose message
     * is often only a path or an address ({@code NoSuchFileException: /data/journal}).
     *
     * @param cause the failure; {@code null} gives {@code "unknown cause"}
     * @return never {@code null} nor blank
     */
    public static String describeWithType(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        return hasMessage(cause) ? name(cause) + ": " + cause.getMessage() : name(cause);
    }

    private static boolean hasMessage(Throwable cause) {
        String message = cause.getMessage();
        return message != null && !message.isBlank() && !"null".equals(message.strip());
    }

    private static String name(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return name.isEmpty() ? cause.getClass().getName() : name;
    }
}
