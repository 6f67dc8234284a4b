package vn.egov.sdk.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Receives an incrementally saved PDF, drops its first {@code skip} bytes (PDFBox's verbatim copy of the input)
 * and keeps the rest (the increment, small) to append to the input file itself (signing in place) or to a copy of
 * the input made by the file system (signing to a new file, see {@link FileCopy}).
 */
final class TailSink extends OutputStream {
    private final long skip;
    private long position;
    private final ByteArrayOutputStream tail = new ByteArrayOutputStream();

    TailSink(long skip) {
        this.skip = skip;
    }

    @Override
    public void write(int b) {
        if (position++ >= skip) {
            tail.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        long start = position;
        position += len;
        if (position <= skip) {
            return;
        }
        int from = (int) Math.max(0, skip - start);
        tail.write(b, off + from, len - from);
    }

    /** Appends the increment to {@code file}, which must still have {@code skip} bytes; undone on failure. */
    void appendTo(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (ch.size() != skip) {
                throw new IOException("the PDF changed size while it was being signed");
            }
            try {
                ByteBuffer buf = ByteBuffer.wrap(tail.toByteArray());
                while (buf.hasRemaining()) {
                    ch.write(buf, skip + buf.position());
                }
            } catch (IOException e) {
                ch.truncate(skip);
                throw e;
            }
        }
    }
}
