package vn.egov.sdk.edxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

/**
 * The decoded bytes of an attachment, wherever they are: in memory, in a file of the caller's, in a temporary file
 * the reader made (deleted by {@link #release()}), or already handed to a sink the caller gave the reader (then
 * only the size is known). Two contents are equal when their sizes and SHA-256 digests are; the digest is computed
 * on first use, never while reading.
 */
public abstract class AttachmentContent {
    private volatile byte[] sha256;

    AttachmentContent() {
    }

    /**
     * Bytes held in memory (copied).
     *
     * @param bytes the content; copied
     * @return in-memory content of {@code bytes.length} bytes
     */
    public static AttachmentContent ofBytes(byte[] bytes) {
        return new InMemory(ValidationException.requireNonNull(bytes, "AttachmentContent.bytes").clone());
    }

    /**
     * A file of the caller's, read on each use and never deleted by the SDK.
     *
     * @param file an existing readable file
     * @return content read from {@code file} on each use
     */
    public static AttachmentContent ofFile(Path file) {
        return new FileContent(ValidationException.requireNonNull(file, "AttachmentContent.file"), false);
    }

    /**
     * A temporary file that {@link #release()} deletes (what the reader makes for large attachments).
     *
     * @param file a temporary file the SDK owns from now on
     * @return content read from {@code file}, which {@link #release()} deletes
     */
    public static AttachmentContent ofTemporaryFile(Path file) {
        return new FileContent(ValidationException.requireNonNull(file, "AttachmentContent.file"), true);
    }

    /**
     * Content that was streamed to the caller's sink while reading; only its size is known.
     *
     * @param size the number of bytes the sink received
     * @return content that only reports its size; {@link #isReadable()} is {@code false}
     */
    public static AttachmentContent deliveredToSink(long size) {
        return new Delivered(size);
    }

    /**
     * The size in bytes.
     *
     * @return the number of bytes
     */
    public abstract long size();

    /**
     * Whether {@link #openStream()} can give the bytes (false once handed to a sink).
     *
     * @return {@code true} unless the bytes went to a sink
     */
    public boolean isReadable() {
        return true;
    }

    /**
     * A new stream over the bytes.
     *
     * @return a new stream positioned at the first byte; the caller closes it
     * @throws ValidationException if the content was handed to a sink and is not kept
     * @throws VerificationException if a file can no longer be read
     */
    public abstract InputStream openStream();

    /**
     * The file holding the bytes, if they are in one.
     *
     * @return the path of the file holding the bytes, or empty for in-memory or sink content
     */
    public Optional<Path> file() {
        return Optional.empty();
    }

    /**
     * The bytes in memory, if they are held there.
     *
     * @return a copy of the bytes, or empty when they are in a file or went to a sink
     */
    public Optional<byte[]> inMemoryBytes() {
        return Optional.empty();
    }

    /** Frees what the SDK owns (deletes its temporary file); other contents are left alone. */
    public void release() {
    }

    /**
     * The SHA-256 of the bytes (computed once, on first use).
     *
     * @return a copy of the 32-byte SHA-256 digest of the content
     */
    public byte[] sha256() {
        byte[] d = sha256;
        if (d == null) {
            d = digest();
            sha256 = d;
        }
        return d.clone();
    }

    private byte[] digest() {
        try (InputStream in = openStream()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) != -1; ) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (IOException e) {
            throw unreadable(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static VerificationException unreadable(IOException e) {
        return new VerificationException("attachment content can no longer be read: " + Causes.describe(e),
                ErrorDetails.of(Fault.CALLER, false), e);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttachmentContent other) || size() != other.size()) {
            return false;
        }
        if (!isReadable() || !other.isReadable()) {
            return isReadable() == other.isReadable();
        }
        return MessageDigest.isEqual(sha256(), other.sha256());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + size() + " bytes]";
    }

    private static final class InMemory extends AttachmentContent {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Optional<byte[]> inMemoryBytes() {
            return Optional.of(bytes.clone());
        }
    }

    private static final class FileContent extends AttachmentContent {
        private final Path file;
        private final boolean temporary;

        FileContent(Path file, boolean temporary) {
            this.file = file;
            this.temporary = temporary;
        }

        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        @Override
        public InputStream openStream() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(file);
        }

        @Override
        public void release() {
            if (temporary) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete temporary attachment file " + file, e);
                }
            }
        }
    }

    private static final class Delivered extends AttachmentContent {
        private final long size;

        Delivered(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean isReadable() {
            return false;
        }

        @Override
        public InputStream openStream() {
            throw ValidationException.of("edxml.attachment.delivered", "Attachment.content",
                    "the content was streamed to the caller's sink while reading and is not kept");
        }

        @Override
        public byte[] sha256() {
            throw ValidationException.of("edxml.attachment.delivered", "Attachment.content",
                    "the content was streamed to the caller's sink while reading and is not kept");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivered other && other.size == size;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size);
        }
    }
}
