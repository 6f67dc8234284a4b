package vn.egov.sdk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random browser-binding values and their constant-time comparison. */
public final class Bindings {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Bindings() {
    }

    /** A new random 128-bit value, base64url without padding (22 characters). */
    public static String random128() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares two texts in time that does not depend on where they differ. */
    public static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether text is null or blank. */
    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
