package vn.egov.sdk.payment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The payment systems' checksums over UTF-8 bytes, and their constant-time comparison. */
public final class Checksums {
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA256_PROTOTYPE = prototype();

    private Checksums() {
    }

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Lowercase hex SHA-256 of the text's UTF-8 bytes.
     *
     * @param text the text
     * @return 64 lowercase hex digits
     */
    public static String sha256Hex(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest, cloned from an unused prototype (cheaper than a provider look-up per call). */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException missing) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", missing);
            }
        }
    }

    /**
     * SHA-256 over a fixed prefix (a secret key put before the signed fields) made ready once: the prototype has
     * consumed the prefix's bytes, {@link #hex} clones it per message, so one instance serves many threads and the
     * prefix is neither revealed nor re-encoded per call.
     */
    public static final class PreparedSha256 {
        private final MessageDigest prototype;
        private final byte[] prefix;

        private PreparedSha256(byte[] prefix) {
            this.prefix = prefix.clone();
            this.prototype = sha256();
            this.prototype.update(this.prefix);
        }

        /**
         * Lowercase hex SHA-256 of the prefix followed by the message's UTF-8 bytes.
         *
         * @param message the message
         * @return 64 lowercase hex digits
         */
        public String hex(String message) {
            MessageDigest digest;
            try {
                digest = (MessageDigest) prototype.clone();
            } catch (CloneNotSupportedException e) {
                digest = sha256();
                digest.update(prefix);
            }
            return HEX.formatHex(digest.digest(message.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Whether a received hex checksum is the checksum of the message, compared in constant time.
         *
         * @param message the message
         * @param received the checksum that came in, possibly {@code null}
         * @return whether it matches
         */
        public boolean matches(String message, String received) {
            return Checksums.matches(hex(message), received);
        }

        @Override
        public String toString() {
            return "PreparedSha256[prefix ***]";
        }
    }

    /**
     * Prepares SHA-256 over a fixed prefix for many messages.
     *
     * @param prefix the prefix bytes (copied)
     * @return the prepared digest
     */
    public static PreparedSha256 sha256Prefixed(byte[] prefix) {
        return new PreparedSha256(prefix);
    }

    /**
     * An HMAC-SHA256 key made ready once (the key schedule computed at construction); {@link #hex} clones it per
     * message, so one instance serves many threads.
     */
    public static final class PreparedHmac {
        private final Mac prototype;
        private final byte[] key;

        private PreparedHmac(byte[] key) {
            this.key = key.clone();
            this.prototype = newMac(this.key);
        }

        /**
         * Lowercase hex HMAC-SHA256 of the message's UTF-8 bytes.
         *
         * @param message the message
         * @return 64 lowercase hex digits
         */
        public String hex(String message) {
            Mac mac;
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                mac = newMac(key);
            }
            return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "PreparedHmac[HmacSHA256, key ***]";
        }
    }

    /**
     * Prepares an HMAC-SHA256 key for many messages.
     *
     * @param key the key bytes (copied)
     * @return the prepared key
     */
    public static PreparedHmac hmacSha256(byte[] key) {
        return new PreparedHmac(key);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }


    /**
     * Compares a received hex checksum with the expected one in time that does not depend on where they differ;
     * hex letters match in either case.
     *
     * @param expected the checksum computed here
     * @param received the checksum that came in, possibly {@code null}
     * @return whether they are equal
     */
    public static boolean matches(String expected, String received) {
        if (received == null || received.length() != expected.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < expected.length(); i++) {
            char r = received.charAt(i);
            boolean hexLetter = (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F');
            boolean digit = r >= '0' && r <= '9';
            // fold A-F to a-f without a branch on the secret-dependent comparison; anything else never matches
            diff |= (Character.toLowerCase(expected.charAt(i)) ^ (r | 0x20)) | (hexLetter || digit ? 0 : 1);
        }
        return diff == 0;
    }
}
