package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/** A file read only up to a length: an earlier revision of an incrementally updated PDF, file-backed. */
final class RevisionRead implements RandomAccessRead {
    private final RandomAccessReadBufferedFile file;
    private final long limit;

    RevisionRead(Path path, long limit) throws IOException {
        this.file = new RandomAccessReadBufferedFile(path);
        this.limit = Math.min(limit, file.length());
    }

    @Override
    public int read() throws IOException {
        return file.getPosition() >= limit ? -1 : file.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long left = limit - file.getPosition();
        if (left <= 0) {
            return -1;
        }
        return file.read(b, off, (int) Math.min(len, left));
    }

    @Override
    public long getPosition() throws IOException {
        return file.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        file.seek(Math.min(position, limit));
    }

    @Override
    public long length() {
        return limit;
    }

    @Override
    public boolean isClosed() {
        return file.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return file.getPosition() >= limit;
    }

    @Override
    public RandomAccessReadView createView(long start, long length) throws IOException {
        if (start < 0 || start + length > limit) {
            throw new IOException("view outside the revision");
        }
        return file.createView(start, length);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
