package vn.egov.sdk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The value that ties a pending login to the browser that started it, for a {@link PendingLoginStore}
 * implementation: {@link #newValue()} makes one for {@link PendingLoginStore#save}, which the application sets as a
 * cookie, and {@link #matches} compares the stored value with the one the browser sends back on the callback.
 *
 * <p>The comparison takes time that does not depend on where the values differ, so that an attacker cannot find a
 * binding (or a login's state) one character at a time by timing the callback. Absent or blank values never match.
 */
public final class BrowserBinding {
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserBinding() {
    }

    /**
     * A new random binding value: 128 bits from a {@link SecureRandom}.
     *
     * @return 22 characters of base64url without padding (safe in a cookie and a URL)
     */
    public static String newValue() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Whether the browser's value equals the stored one, compared in constant time.
     *
     * @param expected the value the store kept (null or blank never matches)
     * @param given the value the browser sent (null or blank never matches)
     * @return true when both are present and equal
     */
    public static boolean matches(String expected, String given) {
        if (expected == null || expected.isBlank() || given == null || given.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
