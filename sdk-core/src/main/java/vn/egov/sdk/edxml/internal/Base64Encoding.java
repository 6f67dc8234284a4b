package vn.egov.sdk.edxml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.edxml.AttachmentContent;

/**
 * Streams an attachment's bytes into the package as one unbroken line of base64: the content is read in blocks of
 * {@value #BLOCK} bytes (a multiple of 3, so no block but the last needs padding), each block is encoded with the
 * JDK's block encoder into a reused array and written straight to the output. Memory stays at two fixed buffers
 * whatever the attachment's size. One instance serves one package write (not thread-safe).
 */
final class Base64Encoding {
    /** Bytes read per block: 48 KiB, a multiple of 3. */
    static final int BLOCK = 48 * 1024;

    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private final byte[] block = new byte[BLOCK];
    private final byte[] encoded = new byte[BLOCK / 3 * 4];

    /**
     * Writes the base64 of the content.
     *
     * @param content the bytes to encode (readable)
     * @param out where the base64 goes, after the start tag of its element
     * @param path the attachment's path, for error messages
     * @throws EgovException (fault CALLER) if the content cannot be read or the output cannot be written
     */
    void encode(AttachmentContent content, XmlOut out, String path) {
        out.beginRaw();
        try (InputStream in = content.openStream()) {
            while (true) {
                int n = read(in, path);
                if (n == BLOCK) {
                    out.raw(encoded, 0, ENCODER.encode(block, encoded));
                } else {
                    if (n > 0) {
                        out.raw(encoded, 0, ENCODER.encode(Arrays.copyOf(block, n), encoded));
                    }
                    return;
                }
            }
        } catch (IOException e) {
            throw readFailed(path, e);
        }
    }

    private int read(InputStream in, String path) {
        try {
            return in.readNBytes(block, 0, BLOCK);
        } catch (IOException e) {
            throw readFailed(path, e);
        }
    }

    private static EgovException readFailed(String path, IOException e) {
        return new EgovException("cannot read the attachment at " + path + ": " + Causes.describe(e),
                ErrorDetails.of(Fault.CALLER, false), e);
    }
}
