package vn.egov.sdk.edxml;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.Values;

/**
 * A document package: header, trace list, optional signature, manifest and attachments. Build a new one with
 * {@link EdXmlPackages}, or with {@link #builder()}.
 *
 * @param header {@code MessageHeader}
 * @param trace {@code TraceHeaderList}
 * @param signature the header's signature element, kept as it came
 * @param manifestAttributes attributes of {@code edXMLManifest} ({@code version="1.0"})
 * @param manifest {@code edXMLManifest/Reference}
 * @param attachments {@code AttachmentEncoded/Attachment}
 * @param headerExtensions unknown children of {@code edXMLHeader}, kept and written back
 */
public record DocumentPackage(MessageHeader header, TraceHeaderList trace, Optional<XmlElement> signature,
        Map<String, String> manifestAttributes, List<Reference> manifest, List<Attachment> attachments,
        List<XmlElement> headerExtensions) implements EdXmlPackage {
    /**
     * Normalises nulls.
     *
     * @param header the {@code MessageHeader}
     * @param trace the {@code TraceHeaderList}
     * @param signature the header's signature element, or empty when unsigned
     * @param manifestAttributes the attributes of {@code edXMLManifest}; copied
     * @param manifest the manifest's references; copied
     * @param attachments the attachments, in document order; copied
     * @param headerExtensions unknown children of {@code edXMLHeader}; copied
     */
    public DocumentPackage {
        header = header == null ? MessageHeader.absent() : header;
        trace = trace == null ? new TraceHeaderList(null, null, null) : trace;
        signature = Values.opt(signature);
        manifestAttributes = manifestAttributes == null ? Map.of("version", "1.0")
                : Values.attributes(manifestAttributes);
        manifest = Values.list(manifest);
        attachments = Values.list(attachments);
        headerExtensions = Values.list(headerExtensions);
    }

    /**
     * A builder.
     *
     * @return a builder with no header, trace, signature or attachment yet
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<TraceHeaderList> traceHeaderList() {
        return Optional.of(trace);
    }

    /**
     * The business type, {@link BusinessDocType#NEW} when the trace list has no business block.
     *
     * @return the business block's type, or {@link BusinessDocType#NEW}
     */
    public BusinessDocType businessType() {
        return trace.business().map(Business::type).orElse(BusinessDocType.NEW);
    }

    /**
     * A copy with the signature replaced (for signers).
     *
     * @param newSignature the signature element to put in {@code edXMLHeader}
     * @return a package equal to this one but for the signature
     */
    public DocumentPackage withSignature(XmlElement newSignature) {
        return new DocumentPackage(header, trace, Optional.ofNullable(newSignature), manifestAttributes, manifest,
                attachments, headerExtensions);
    }

    /**
     * A copy with one more trace hop, as each system handling the package appends.
     *
     * @param organId the organ id of the system appending the hop
     * @param timestamp the local time (Asia/Ho_Chi_Minh) the system handled the package
     * @return a package equal to this one with the hop appended to its trace list
     */
    public DocumentPackage withHop(OrganId organId, LocalDateTime timestamp) {
        return new DocumentPackage(header, trace.withHop(TraceHeader.of(organId, timestamp)), signature,
                manifestAttributes, manifest, attachments, headerExtensions);
    }

    @Override
    public void close() {
        attachments.forEach(a -> a.content().release());
    }

    /** Builder of {@link DocumentPackage}: the manifest follows the attachments unless set explicitly. */
    public static final class Builder {
        private MessageHeader header;
        private TraceHeaderList trace;
        private XmlElement signature;
        private List<Reference> manifest;
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /**
         * The header.
         *
         * @param value the {@code MessageHeader}; {@code null} for none (the package's header is then absent)
         * @return this builder
         */
        public Builder header(MessageHeader value) {
            this.header = value;
            return this;
        }

        /**
         * The trace list.
         *
         * @param value the {@code TraceHeaderList}; {@code null} for none
         * @return this builder
         */
        public Builder trace(TraceHeaderList value) {
            this.trace = value;
            return this;
        }

        /**
         * The signature element.
         *
         * @param value the signature element, as a signer produced it; {@code null} for none (unsigned)
         * @return this builder
         */
        public Builder signature(XmlElement value) {
            this.signature = value;
            return this;
        }

        /**
         * An explicit manifest (otherwise one {@link Reference} per attachment).
         *
         * @param value the references, in order, copied; {@code null} goes back to one per attachment
         * @return this builder
         */
        public Builder manifest(List<Reference> value) {
            this.manifest = value == null ? null
                    : List.copyOf(ValidationException.requireElements(value, "DocumentPackage.manifest"));
            return this;
        }

        /**
         * Adds an attachment.
         *
         * @param value the attachment, added after those already set; required
         * @return this builder
         */
        public Builder addAttachment(Attachment value) {
            attachments.add(ValidationException.requireNonNull(value, "DocumentPackage.attachments"));
            return this;
        }

        /**
         * Builds the package.
         *
         * @return the package, with a manifest derived from the attachments unless one was given
         */
        public DocumentPackage build() {
            List<Reference> refs = manifest != null ? manifest : attachments.stream().map(Reference::of).toList();
            return new DocumentPackage(header, trace, Optional.ofNullable(signature), null, refs, attachments,
                    List.of());
        }
    }
}
