package vn.egov.sdk.testkit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The simulators' hash of an upload: lowercase hex SHA-256 (VDXP's {@code hash-file}, LGSP's re-upload check). */
public final class Sha256 {
    private Sha256() {
    }

    /**
     * Lowercase hex SHA-256.
     *
     * @param bytes the data
     * @return 64 hex digits
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /**
     * The SHA-256 digest.
     *
     * @param bytes the data
     * @return 32 bytes
     */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lowercase hex without zero padding, as the official VDXP client writes {@code hash-file}: each byte by
     * {@code Integer.toHexString(b & 0xff)}, so a byte below {@code 0x10} is one digit.
     *
     * @param digest the digest
     * @return 55 to 64 hex digits for a SHA-256
     */
    public static String unpaddedHex(byte[] digest) {
        StringBuilder sb = new StringBuilder(64);
        for (byte b : digest) {
            sb.append(Integer.toHexString(b & 0xff));
        }
        return sb.toString();
    }
}
