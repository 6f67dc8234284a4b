package vn.egov.sdk.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random browser-binding values and their comparison in constant time. */
public final class BrowserBindings {
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserBindings() {
    }

    /**
     * A new random 128-bit value.
     *
     * @return base64url without padding (22 characters)
     */
    public static String random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Compares two values in time that does not depend on where they differ.
     *
     * @param expected the stored value
     * @param given the browser's value
     * @return whether they are equal
     */
    public static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
