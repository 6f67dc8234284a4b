package vn.egov.sdk.axis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.HttpBody;

/**
 * The {@code sendEdoc} upload as the official client SDKVXP 2.0.1 writes it (captured byte for byte):
 * the raw edXML file followed by CRLF as {@code application/octet-stream}, and {@code hash-file} as the SHA-256 of the
 * file (without the CRLF) with each byte written by {@code Integer.toHexString(b & 0xff)}, so without zero padding.
 */
public final class VdxpUpload {
    /** The media type of the raw upload. */
    public static final String OCTET_STREAM = "application/octet-stream";
    private static final byte[] CRLF = {'\r', '\n'};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VdxpUpload() {
    }

    /**
     * The SHA-256 as the official client writes it: each byte in lowercase hex without a leading zero, so 55 to 64
     * characters.
     *
     * @param digest the 32-byte digest
     * @return the unpadded hex
     */
    public static String unpaddedHex(byte[] digest) {
        StringBuilder sb = new StringBuilder(64);
        for (byte b : digest) {
            int v = b & 0xff;
            if (v >= 0x10) {
                sb.append(HEX[v >>> 4]);
            }
            sb.append(HEX[v & 0x0f]);
        }
        return sb.toString();
    }

    /**
     * The SHA-256 zero-padded: two lowercase hex digits per byte, 64 characters.
     *
     * @param digest the digest
     * @return the padded hex
     */
    public static String paddedHex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * Both forms a {@code hash-file} of this digest may take (on the sent list, for instance).
     *
     * @param digest the digest
     * @return the padded and the unpadded form (one element when they are equal)
     */
    public static List<String> forms(byte[] digest) {
        String padded = paddedHex(digest);
        String unpadded = unpaddedHex(digest);
        return padded.equals(unpadded) ? List.of(padded) : List.of(padded, unpadded);
    }

    /**
     * The raw body: the file streamed from disk on each attempt, then CRLF.
     *
     * @param file the package file
     * @return the body, {@value #OCTET_STREAM}
     */
    public static HttpBody raw(Path file) {
        return new RawBody(ValidationException.requireNonNull(file, "VdxpUpload.file"));
    }

    private static final class RawBody extends HttpBody {
        private final Path file;

        RawBody(Path file) {
            super(OCTET_STREAM);
            this.file = file;
        }

        @Override
        public long contentLength() {
            try {
                return Files.size(file) + CRLF.length;
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
            out.write(CRLF);
        }
    }
}
