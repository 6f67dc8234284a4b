package vn.egov.sdk.signing.internal.cms;

import java.util.Optional;

/**
 * Checks the outer header of an in-memory CMS before Bouncy Castle's parser, which reads only as far as it needs:
 * a {@code SEQUENCE} whose definite length covers exactly the data (no trailing bytes, not truncated), then the
 * content type {@code id-signedData}. BER indefinite length is allowed.
 */
public final class ContentInfoHeader {
    private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
        0x01, 0x07, 0x02};

    private ContentInfoHeader() {
    }

    /** What is wrong with the header, or empty when it is a SignedData ContentInfo spanning the whole input. */
    public static Optional<String> problem(byte[] cms) {
        if (cms.length < 2 || cms[0] != 0x30) {
            return Optional.of("the data does not start with a CMS ContentInfo");
        }
        int first = cms[1] & 0xff;
        int header;
        if (first == 0x80) {
            header = 2;
        } else {
            long length;
            if (first < 0x80) {
                header = 2;
                length = first;
            } else {
                int n = first & 0x7f;
                if (n > 4 || cms.length < 2 + n) {
                    return Optional.of("the CMS ContentInfo has an impossible length");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (cms[2 + i] & 0xff);
                }
                header = 2 + n;
            }
            if (header + length != cms.length) {
                return Optional.of("the CMS ContentInfo's length (" + length + " bytes) does not match the "
                        + (cms.length - header) + " bytes given: truncated, or followed by other data");
            }
        }
        if (cms.length < header + SIGNED_DATA_OID.length) {
            return Optional.of("the CMS ContentInfo is truncated");
        }
        for (int i = 0; i < SIGNED_DATA_OID.length; i++) {
            if (cms[header + i] != SIGNED_DATA_OID[i]) {
                return Optional.of("the CMS ContentInfo is not a SignedData");
            }
        }
        return Optional.empty();
    }
}
