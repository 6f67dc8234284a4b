package vn.egov.sdk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (client secret, HMAC key, password, token) that never shows itself: {@link #toString()}
 * prints a mask, so a secret put into a log line or an exception message by mistake leaks nothing.
 * Comparison is constant-time.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret; not {@code null} or empty
     * @return the secret
     * @throws ValidationException if the value is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw ValidationException.of("secret.empty", "secret", "a secret must not be null or empty");
        }
        return new Secret(value);
    }

    /**
     * The value in clear. Call it only where the value goes on the wire or into a MAC.
     *
     * @return the secret in clear; never log it
     */
    public String reveal() {
        return value;
    }

    /**
     * The value as UTF-8 bytes, for use as a MAC key.
     *
     * @return a fresh array of the UTF-8 bytes; the caller should clear it after use
     */
    public byte[] revealBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Constant-time comparison with a candidate value.
     *
     * @param candidate the value to compare with, for example a received password; required
     * @return {@code true} if {@code candidate} equals the secret
     */
    public boolean matches(String candidate) {
        ValidationException.requireNonNull(candidate, "Secret.candidate");
        return MessageDigest.isEqual(revealBytes(), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(revealBytes(), other.revealBytes());
    }

    @Override
    public int hashCode() {
        return 0; // no information about the value escapes through hashCode
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
