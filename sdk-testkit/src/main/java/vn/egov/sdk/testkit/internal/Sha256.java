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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
