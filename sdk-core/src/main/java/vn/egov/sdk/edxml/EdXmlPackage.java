package vn.egov.sdk.edxml;

import java.util.Optional;

/**
 * An edXML package as {@link EdXml#read(java.io.InputStream)} returns it: a {@link DocumentPackage} (a document
 * with its attachments) or a {@link StatusPackage} (a processing status). Close it to delete the temporary files
 * the reader made for large attachments.
 */
public sealed interface EdXmlPackage extends AutoCloseable permits DocumentPackage, StatusPackage {
    /**
     * The {@code Signature} (or {@code DigitalSignature}) element of the header, kept as it came.
     *
     * @return the signature element, or empty when the package is unsigned
     */
    Optional<XmlElement> signature();

    /**
     * The trace list, if the package has one.
     *
     * @return the trace list, or empty
     */
    Optional<TraceHeaderList> traceHeaderList();

    /** Deletes the temporary files this package owns; the package's attachment contents are unreadable afterwards. */
    @Override
    void close();
}
