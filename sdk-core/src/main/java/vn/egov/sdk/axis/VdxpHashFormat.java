package vn.egov.sdk.axis;

/** How {@link VdxpAxisClient} writes {@code hash-file} (lowercase hex SHA-256 of the file). */
public enum VdxpHashFormat {
    /**
     * The official client's form (the default): each byte by {@code Integer.toHexString(b & 0xff)}, so a byte
     * below {@code 0x10} is one digit and the whole 55 to 64 characters. The real axis is known to accept it.
     */
    UNPADDED,
    /**
     * Two digits per byte, 64 characters, as hex is usually written. Whether the real axis accepts it is not
     * known; use it only against an axis known to.
     */
    ZERO_PADDED
}
