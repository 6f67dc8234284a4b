package vn.egov.sdk.edxml;

import java.nio.file.Path;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.xml.XmlLimits;

/**
 * How {@link EdXml#read(java.io.InputStream, EdXmlReadOptions)} reads: where large attachments go, how large a
 * package may be, and how strict to be. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>Defaults, chosen so that any input is answered with a package or a typed error in a 64 MB heap, in time
 * proportional to its size:
 * <ul>
 *   <li>attachments up to 1 MiB ({@link #inMemoryThreshold()}) are kept in memory while the package holds no more
 *       than 8 MiB in memory in all ({@link #maxInMemoryTotalBytes()}); larger ones, and any beyond that total, are
 *       decoded to temporary files in the JVM's temporary directory;</li>
 *   <li>an attachment may decode to at most 512 MiB ({@link #maxAttachmentBytes()}), all attachments together to
 *       at most 1 GiB ({@link #maxTotalAttachmentBytes()}), and a package may hold at most 1,000 attachments
 *       ({@link #maxAttachments()});</li>
 *   <li>the document's structure and its text outside attachment content are bounded by
 *       {@link XmlLimits#defaults()} ({@link #xmlLimits()}: 50,000 elements, depth 64, 64 attributes per element,
 *       64 namespace declarations in scope, 1 Mi characters of text);</li>
 *   <li>lenient: unknown elements are kept, non-conforming organ ids kept and flagged.</li>
 * </ul>
 */
public final class EdXmlReadOptions {
    private final Optional<Path> tempDirectory;
    private final long inMemoryThreshold;
    private final long maxAttachmentBytes;
    private final long maxTotalAttachmentBytes;
    private final long maxInMemoryTotalBytes;
    private final int maxAttachments;
    private final XmlLimits xmlLimits;
    private final boolean strict;
    private final Optional<AttachmentSink> sink;

    private EdXmlReadOptions(Builder b) {
        this.tempDirectory = Optional.ofNullable(b.tempDirectory);
        this.inMemoryThreshold = b.inMemoryThreshold;
        this.maxAttachmentBytes = b.maxAttachmentBytes;
        this.maxTotalAttachmentBytes = b.maxTotalAttachmentBytes;
        this.maxInMemoryTotalBytes = b.maxInMemoryTotalBytes;
        this.maxAttachments = b.maxAttachments;
        this.xmlLimits = b.xmlLimits;
        this.strict = b.strict;
        this.sink = Optional.ofNullable(b.sink);
    }

    /**
     * The defaults.
     *
     * @return options with every default the builder names
     */
    public static EdXmlReadOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where temporary attachment files go (default: the JVM's temporary directory).
     *
     * @return the directory for temporary attachment files, or empty for the JVM's temporary directory
     */
    public Optional<Path> tempDirectory() {
        return tempDirectory;
    }

    /**
     * Attachments up to this many decoded bytes stay in memory.
     *
     * @return the in-memory threshold in decoded bytes (default 1 MiB)
     */
    public long inMemoryThreshold() {
        return inMemoryThreshold;
    }

    /**
     * The largest decoded attachment accepted.
     *
     * @return the cap per attachment in decoded bytes (default 512 MiB)
     */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /**
     * All attachments of a package together may decode to at most this many bytes.
     *
     * @return the cap for all attachments in decoded bytes (default 1 GiB)
     */
    public long maxTotalAttachmentBytes() {
        return maxTotalAttachmentBytes;
    }

    /**
     * The most attachment bytes a package keeps in memory in all; attachments beyond it go to temporary files even
     * when each is under {@link #inMemoryThreshold()}.
     *
     * @return the in-memory budget for all attachments in bytes (default 8 MiB)
     */
    public long maxInMemoryTotalBytes() {
        return maxInMemoryTotalBytes;
    }

    /**
     * The most attachments a package may hold.
     *
     * @return the cap on the number of attachments (default 1,000)
     */
    public int maxAttachments() {
        return maxAttachments;
    }

    /**
     * What the document may hold: elements, depth, attributes, namespace declarations, text outside attachments.
     *
     * @return the limits on the document's structure
     */
    public XmlLimits xmlLimits() {
        return xmlLimits;
    }

    /**
     * The most characters of text outside attachment content accepted ({@link XmlLimits#maxTextChars()}).
     *
     * @return the cap on characters of text outside attachment content
     */
    public long maxHeaderChars() {
        return xmlLimits.maxTextChars();
    }

    /**
     * Whether unknown elements are an error instead of being kept.
     *
     * @return {@code true} if unknown elements make reading fail, {@code false} (default) to keep them
     */
    public boolean strict() {
        return strict;
    }

    /**
     * The caller's sink for attachment bytes, if set: contents are then not kept.
     *
     * @return the sink receiving attachment bytes, or empty to keep contents
     */
    public Optional<AttachmentSink> sink() {
        return sink;
    }

    /** Builder of {@link EdXmlReadOptions}. */
    public static final class Builder {
        private Path tempDirectory;
        private long inMemoryThreshold = 1024 * 1024;
        private long maxAttachmentBytes = 512L * 1024 * 1024;
        private long maxTotalAttachmentBytes = 1024L * 1024 * 1024;
        private long maxInMemoryTotalBytes = 8L * 1024 * 1024;
        private int maxAttachments = 1000;
        private XmlLimits xmlLimits = XmlLimits.defaults();
        private boolean strict;
        private AttachmentSink sink;

        private Builder() {
        }

        /**
         * Where temporary attachment files go.
         *
         * @param value an existing directory
         * @return this builder
         */
        public Builder tempDirectory(Path value) {
            this.tempDirectory = ValidationException.requireNonNull(value, "EdXmlReadOptions.tempDirectory");
            return this;
        }

        /**
         * Attachments up to this many decoded bytes stay in memory (0: every attachment goes to a file).
         *
         * @param value the threshold in decoded bytes; 0 or more
         * @return this builder
         */
        public Builder inMemoryThreshold(long value) {
            this.inMemoryThreshold = nonNegative(value, "inMemoryThreshold");
            return this;
        }

        /**
         * The largest decoded attachment accepted.
         *
         * @param value the cap in decoded bytes (default 512 MiB)
         * @return this builder
         */
        public Builder maxAttachmentBytes(long value) {
            this.maxAttachmentBytes = nonNegative(value, "maxAttachmentBytes");
            return this;
        }

        /**
         * All attachments together may decode to at most this many bytes (default 1 GiB).
         *
         * @param value the cap in decoded bytes
         * @return this builder
         */
        public Builder maxTotalAttachmentBytes(long value) {
            this.maxTotalAttachmentBytes = nonNegative(value, "maxTotalAttachmentBytes");
            return this;
        }

        /**
         * The most attachment bytes kept in memory in all (default 8 MiB); beyond it attachments go to files.
         *
         * @param value the budget in bytes
         * @return this builder
         */
        public Builder maxInMemoryTotalBytes(long value) {
            this.maxInMemoryTotalBytes = nonNegative(value, "maxInMemoryTotalBytes");
            return this;
        }

        /**
         * The most attachments a package may hold (default 1,000).
         *
         * @param value the cap on the number of attachments
         * @return this builder
         */
        public Builder maxAttachments(int value) {
            this.maxAttachments = (int) nonNegative(value, "maxAttachments");
            return this;
        }

        /**
         * What the document may hold (default {@link XmlLimits#defaults()}).
         *
         * @param value the limits
         * @return this builder
         */
        public Builder xmlLimits(XmlLimits value) {
            this.xmlLimits = ValidationException.requireNonNull(value, "EdXmlReadOptions.xmlLimits");
            return this;
        }

        /**
         * The most characters of text outside attachment content accepted: sets {@link XmlLimits#maxTextChars()} of
         * {@link #xmlLimits(XmlLimits)} (default 1 Mi).
         *
         * @param value the cap in characters; at least 1
         * @return this builder
         * @throws ValidationException if {@code value} is below 1
         */
        public Builder maxHeaderChars(long value) {
            if (value < 1) {
                throw ValidationException.of("edxml.options.maxHeaderChars", "EdXmlReadOptions.maxHeaderChars",
                        "maxHeaderChars must be positive");
            }
            this.xmlLimits = xmlLimits.toBuilder().maxTextChars(value).build();
            return this;
        }

        /**
         * Unknown elements are an error instead of being kept.
         *
         * @param value {@code true} to fail on unknown elements
         * @return this builder
         */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Streams every attachment's bytes to this sink instead of keeping them.
         *
         * @param value the sink, called once per attachment while reading
         * @return this builder
         */
        public Builder sink(AttachmentSink value) {
            this.sink = ValidationException.requireNonNull(value, "EdXmlReadOptions.sink");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
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
