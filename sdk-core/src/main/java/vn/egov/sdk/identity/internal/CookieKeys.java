package vn.egov.sdk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One generation of the sealed-cookie keys: a 256-bit HS256 signing key, a 256-bit A256GCM encryption key, and a
 * key id (a MAC of a fixed label under the encryption key, so it reveals nothing) written into the JWE header to
 * pick the keys on the way back. Keys derived from one secret use HKDF-SHA256 (RFC 5869) with distinct labels.
 */
public final class CookieKeys {
    private static final byte[] SALT = "vn.egov.sdk.identity.CookiePendingLoginStore".getBytes(StandardCharsets.UTF_8);

    private final byte[] signingKey;
    private final byte[] encryptionKey;
    private final String keyId;

    private CookieKeys(byte[] signingKey, byte[] encryptionKey) {
        this.signingKey = signingKey.clone();
        this.encryptionKey = encryptionKey.clone();
        this.keyId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(hmac(this.encryptionKey, "key id".getBytes(StandardCharsets.UTF_8)), 9));
    }

    /** Keys derived from one secret of at least 32 bytes. */
    public static CookieKeys derive(byte[] secret) {
        byte[] prk = hmac(SALT, secret);
        return new CookieKeys(expand(prk, "sign HS256"), expand(prk, "encrypt A256GCM"));
    }

    /** Keys given separately, 32 bytes each. */
    public static CookieKeys of(byte[] signingKey, byte[] encryptionKey) {
        return new CookieKeys(signingKey, encryptionKey);
    }

    private static byte[] expand(byte[] prk, String label) {
        byte[] info = label.getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 1;
        return hmac(prk, input);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** The HS256 key (a copy). */
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** The A256GCM key (a copy). */
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    /** The key id for the JWE header. */
    public String keyId() {
        return keyId;
    }
}
