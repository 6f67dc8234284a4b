package vn.egov.sdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.egov.sdk.core.Secret;

/**
 * HMAC-SHA256 keyed once with a secret. The keyed prototype is never used itself: each signature works on a
 * {@link Mac#clone() clone}, which skips the provider lookup and key schedule of {@code getInstance} + {@code init}
 * per call (a provider whose HMAC cannot be cloned gets a new instance per call). Thread-safe.
 */
public final class HmacSha256 {
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final Secret secret;
    private final Mac prototype;

    /**
     * @param secret the key (its UTF-8 bytes)
     */
    public HmacSha256(Secret secret) {
        this.secret = secret;
        this.prototype = cloneable(secret);
    }

    /**
     * Lowercase hex HMAC of a string.
     *
     * @param message the message (its UTF-8 bytes)
     * @return 64 lowercase hex digits
     */
    public String hex(String message) {
        return HEX.formatHex(fresh().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Lowercase hex HMAC of a string with a secret used once.
     *
     * @param secret the key (its UTF-8 bytes)
     * @param message the message (its UTF-8 bytes)
     * @return 64 lowercase hex digits
     */
    public static String hex(Secret secret, String message) {
        return HEX.formatHex(init(secret).doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac fresh() {
        if (prototype != null) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // the prototype was checked in the constructor; fall through all the same
            }
        }
        return init(secret);
    }

    /** An HMAC keyed with the secret that can be cloned, or null when this provider's cannot. */
    private static Mac cloneable(Secret secret) {
        Mac mac = init(secret);
        try {
            mac.clone();
            return mac;
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private static Mac init(Secret secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.revealBytes(), HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
