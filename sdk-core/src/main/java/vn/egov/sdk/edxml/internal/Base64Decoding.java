package vn.egov.sdk.edxml.internal;

import java.util.Arrays;
import java.util.Base64;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.edxml.EdXmlFormatException;

/**
 * Decodes base64 text that arrives in pieces, in large blocks with the JDK's array decoder (its
 * {@code wrap(InputStream)} decoder is about 7× slower): white space is skipped, characters are gathered into a
 * block whose length is a multiple of 4, each full block is decoded at once. One instance serves every attachment
 * of a package in turn ({@link #start}); its buffers grow with the data (4 KiB for a small attachment, up to
 * {@link #BLOCK} for a large one) and are kept for the next attachment.
 */
final class Base64Decoding implements Base64Bypass.Sink {
    /** Bytes per block decode; a multiple of 4. */
    static final int BLOCK = 256 * 1024;
    private static final int FIRST = 4 * 1024;
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private AttachmentOutput output;
    private String path;
    private byte[] block = new byte[0];
    private byte[] decoded = new byte[0];
    private int filled;
    private boolean padded;
    private boolean fast;

    /** Begins an attachment: what follows is its text, decoded into {@code output}. */
    void start(AttachmentOutput target, String where) {
        this.output = target;
        this.path = where;
        this.filled = 0;
        this.padded = false;
        this.fast = true;
    }

    /**
     * The fast path for clean base64 (one unbroken line, as real senders write it): decodes a whole block straight
     * from the caller's buffer and lets the JDK's decoder do the checking, instead of looking at each byte. At the
     * first block that is not clean (white space, the end tag) it declines for the rest of the attachment and the
     * caller goes on with {@link #accept(byte[], int, int)}, which reads the same bytes again carefully.
     *
     * @param src holds at least {@link #BLOCK} bytes from {@code off}
     * @return whether the block was decoded (false: nothing was consumed)
     */
    @Override
    public boolean tryBlock(byte[] src, int off) {
        if (!fast || padded || filled != 0) {
            fast = false;
            return false;
        }
        grow(BLOCK);
        System.arraycopy(src, off, block, 0, BLOCK);
        int n;
        try {
            n = DECODER.decode(block, decoded);
        } catch (IllegalArgumentException notClean) {
            fast = false;
            return false;
        }
        padded = block[BLOCK - 1] == '=';
        output.write(decoded, 0, n);
        return true;
    }

    /** Takes encoded characters (as the XML parser reports them). */
    void accept(char[] chars, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = chars[i];
            if (c <= ' ') {
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    continue;
                }
                throw invalid("control character U+" + Integer.toHexString(c));
            }
            if (c > 127) {
                throw invalid("non-ASCII character U+" + Integer.toHexString(c));
            }
            put((byte) c);
        }
    }

    /** Takes encoded bytes (ASCII). */
    @Override
    public void accept(byte[] bytes, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int run = i;
            while (run < end && bytes[run] > ' ') {
                run++;
            }
            copy(bytes, i, run - i);
            if (run < end) {
                byte c = bytes[run];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    throw invalid("byte 0x" + Integer.toHexString(c & 0xff));
                }
                run++;
            }
            i = run;
        }
    }

    /** Decodes what remains of the current attachment. */
    void finish() {
        if (filled == 0) {
            return;
        }
        if (filled % 4 != 0) {
            throw invalid("length is not a multiple of 4 (truncated?)");
        }
        flush(Arrays.copyOf(block, filled));
    }

    private void copy(byte[] src, int off, int len) {
        while (len > 0) {
            if (padded) {
                throw invalid("data after the '=' padding");
            }
            if (filled == block.length) {
                roomForMore();
            }
            int n = Math.min(len, block.length - filled);
            System.arraycopy(src, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void put(byte b) {
        if (padded) {
            throw invalid("data after the '=' padding");
        }
        if (filled == block.length) {
            roomForMore();
        }
        block[filled++] = b;
    }

    /** The block is full: grow it while it is small, else decode it. */
    private void roomForMore() {
        if (block.length < BLOCK) {
            grow(block.length == 0 ? FIRST : block.length * 4);
        } else {
            flush(block);
        }
    }

    private void grow(int size) {
        int target = Math.min(size, BLOCK);
        if (block.length < target) {
            block = Arrays.copyOf(block, target);
            decoded = new byte[target / 4 * 3];
        }
    }

    private void flush(byte[] src) {
        padded = filled > 0 && src[filled - 1] == '=';
        try {
            int n = DECODER.decode(src, decoded);
            output.write(decoded, 0, n);
        } catch (IllegalArgumentException e) {
            throw invalid(Causes.describe(e));
        }
        filled = 0;
    }

    private EdXmlFormatException invalid(String why) {
        return new EdXmlFormatException(path, "invalid base64: " + why, null);
    }
}
