package vn.egov.sdk.edxml;

import java.nio.file.Path;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * How {@link EdXml#read(java.io.InputStream, EdXmlReadOptions)} reads: where large attachments go, how large a
 * package may be, and how strict to be. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>Defaults: attachments up to 1 MiB are kept in memory, larger ones are decoded to temporary files in the JVM's
 * temporary directory; an attachment may decode to at most 512 MiB and the header (everything but attachment
 * content) may hold at most 16 MiB of text; lenient (unknown elements are kept, non-conforming organ ids kept and
 * flagged).
 */
public final class EdXmlReadOptions {
    private final Optional<Path> tempDirectory;
    private final long inMemoryThreshold;
    private final long maxAttachmentBytes;
    private final long maxHeaderChars;
    private final boolean strict;
    private final Optional<AttachmentSink> sink;

    private EdXmlReadOptions(Builder b) {
        this.tempDirectory = Optional.ofNullable(b.tempDirectory);
        this.inMemoryThreshold = b.inMemoryThreshold;
        this.maxAttachmentBytes = b.maxAttachmentBytes;
        this.maxHeaderChars = b.maxHeaderChars;
        this.strict = b.strict;
        this.sink = Optional.ofNullable(b.sink);
    }

    /** The defaults. */
    public static EdXmlReadOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where temporary attachment files go (default: the JVM's temporary directory). */
    public Optional<Path> tempDirectory() {
        return tempDirectory;
    }

    /** Attachments up to this many decoded bytes stay in memory. */
    public long inMemoryThreshold() {
        return inMemoryThreshold;
    }

    /** The largest decoded attachment accepted. */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** The most characters of text outside attachment content accepted. */
    public long maxHeaderChars() {
        return maxHeaderChars;
    }

    /** Whether unknown elements are an error instead of being kept. */
    public boolean strict() {
        return strict;
    }

    /** The caller's sink for attachment bytes, if set: contents are then not kept. */
    public Optional<AttachmentSink> sink() {
        return sink;
    }

    /** Builder of {@link EdXmlReadOptions}. */
    public static final class Builder {
        private Path tempDirectory;
        private long inMemoryThreshold = 1024 * 1024;
        private long maxAttachmentBytes = 512L * 1024 * 1024;
        private long maxHeaderChars = 16L * 1024 * 1024;
        private boolean strict;
        private AttachmentSink sink;

        private Builder() {
        }

        /** Where temporary attachment files go. */
        public Builder tempDirectory(Path value) {
            this.tempDirectory = ValidationException.requireNonNull(value, "EdXmlReadOptions.tempDirectory");
            return this;
        }

        /** Attachments up to this many decoded bytes stay in memory (0: every attachment goes to a file). */
        public Builder inMemoryThreshold(long value) {
            this.inMemoryThreshold = nonNegative(value, "inMemoryThreshold");
            return this;
        }

        /** The largest decoded attachment accepted. */
        public Builder maxAttachmentBytes(long value) {
            this.maxAttachmentBytes = nonNegative(value, "maxAttachmentBytes");
            return this;
        }

        /** The most characters of text outside attachment content accepted. */
        public Builder maxHeaderChars(long value) {
            this.maxHeaderChars = nonNegative(value, "maxHeaderChars");
            return this;
        }

        /** Unknown elements are an error instead of being kept. */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /** Streams every attachment's bytes to this sink instead of keeping them. */
        public Builder sink(AttachmentSink value) {
            this.sink = ValidationException.requireNonNull(value, "EdXmlReadOptions.sink");
            return this;
        }

        /** Builds the options. */
        public EdXmlReadOptions build() {
            return new EdXmlReadOptions(this);
        }

        private static long nonNegative(long value, String name) {
            if (value < 0) {
                throw ValidationException.of("edxml.options." + name, "EdXmlReadOptions." + name,
                        name + " must not be negative");
            }
            return value;
        }
    }
}
