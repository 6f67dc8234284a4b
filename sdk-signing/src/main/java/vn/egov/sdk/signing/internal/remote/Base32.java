package vn.egov.sdk.signing.internal.remote;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import vn.egov.sdk.core.ValidationException;

/** RFC 4648 Base32 (the alphabet authenticator apps use for OTP secrets). */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int MAX_CHARS = 1024;

    private Base32() {
    }

    /**
     * Decodes Base32, ignoring case, spaces, hyphens and {@code =} padding.
     *
     * @param text the text
     * @param path the field named in the error
     * @return the bytes, at least one
     * @throws ValidationException if the text is empty, too long or not Base32 (the text is not quoted)
     */
    public static byte[] decode(String text, String path) {
        String t = text == null ? "" : text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_CHARS) {
            throw ValidationException.of("base32.length", path, "a Base32 secret of 1.." + MAX_CHARS
                    + " characters is required");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < t.length(); i++) {
            int v = ALPHABET.indexOf(t.charAt(i));
            if (v < 0) {
                throw ValidationException.of("base32.alphabet", path, "the secret is not Base32 (A-Z, 2-7)");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length == 0) {
            throw ValidationException.of("base32.length", path, "the secret decodes to no bytes");
        }
        return bytes;
    }

    /**
     * Encodes bytes as Base32 without padding.
     *
     * @param bytes the bytes
     * @return the text
     */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }
}
