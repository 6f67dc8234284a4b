package vn.egov.sdk.edxml.internal;

import java.io.OutputStream;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlNames;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.Reference;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * Serialises packages the way the national axis accepts them: UTF-8, explicit {@code edXML:} prefixes on every
 * element inside the envelope, the element order of QCVN 102 as the official library writes it, two-space
 * indentation with LF line ends, attachments base64-encoded on one line each in {@code AttachmentEncoded} after the
 * envelope. The same package always gives the same bytes.
 *
 * <p>The package is first written to nowhere to check it (characters XML 1.0 forbids, names, namespaces,
 * unreadable attachments), so a {@link ValidationException} leaves the output untouched; then it is streamed to the
 * output, attachments straight from {@link vn.egov.sdk.edxml.AttachmentContent#openStream()}, without building the
 * document in memory.
 */
public final class EdXmlWriter {
    /** A writer; it keeps no state between packages. */
    public EdXmlWriter() {
        // stateless
    }

    /**
     * Writes the package.
     *
     * @param pkg the package
     * @param out where the bytes go; flushed, not closed
     * @throws ValidationException if an argument is null, a text holds a character XML 1.0 does not allow (the
     *         error names its path, {@code MessageHeader.Subject} style), an extension element cannot be written
     *         as XML, or an attachment's content is not readable; nothing is written then
     * @throws vn.egov.sdk.core.EgovException (fault CALLER) if the output cannot be written or an attachment
     *         cannot be read
     */
    public void write(EdXmlPackage pkg, OutputStream out) {
        if (pkg == null) {
            throw ValidationException.of("edxml.argument.null", "pkg", "the package is required");
        }
        if (out == null) {
            throw ValidationException.of("edxml.argument.null", "out", "the output stream is required");
        }
        new Run(new XmlOut(OutputStream.nullOutputStream()), false).write(pkg);
        new Run(new XmlOut(out), true).write(pkg);
    }

    /** One pass over a package. */
    private static final class Run {
        private final XmlOut out;
        private final boolean withContent;
        private final XmlElementOut elements;
        private final HeaderOut header;
        private final TraceOut trace;

        Run(XmlOut out, boolean withContent) {
            this.out = out;
            this.withContent = withContent;
            this.elements = new XmlElementOut(out);
            this.header = new HeaderOut(out, elements);
            this.trace = new TraceOut(out, elements, header);
        }

        void write(EdXmlPackage pkg) {
            out.prolog();
            out.start("", "edXML", null);
            out.namespace("", EdXmlNames.NAMESPACE);
            out.start(EdXmlNames.PREFIX, "edXMLEnvelope", null);
            out.namespace(EdXmlNames.PREFIX, EdXmlNames.NAMESPACE);
            out.start(EdXmlNames.PREFIX, "edXMLHeader", null);
            if (pkg instanceof DocumentPackage doc) {
                header.document(doc.header());
                trace.write(doc.trace());
                doc.signature().ifPresent(elements::write);
                header.extensions(doc.headerExtensions());
                out.end();
                body(doc);
                out.end();
                attachments(doc.attachments());
            } else {
                StatusPackage status = (StatusPackage) pkg;
                header.status(status);
                status.trace().ifPresent(trace::write);
                status.signature().ifPresent(elements::write);
                out.end();
                out.end();
            }
            out.end();
            out.finish();
        }

        private void body(DocumentPackage doc) {
            out.start(EdXmlNames.PREFIX, "edXMLBody", null);
            out.startEd("edXMLManifest");
            elements.attributes(doc.manifestAttributes(), EdXmlNames.PREFIX, EdXmlNames.NAMESPACE, false);
            for (int i = 0; i < doc.manifest().size(); i++) {
                Reference r = doc.manifest().get(i);
                out.startEd("Reference", i);
                elements.attributes(r.attributes(), EdXmlNames.PREFIX, EdXmlNames.NAMESPACE, false);
                out.leafEd("ContentId", r.contentId());
                out.leafEd("ContentType", r.contentType());
                out.leafEd("Description", r.description());
                out.leafEd("AttachmentName", r.attachmentName());
                out.end();
            }
            out.end();
            out.end();
        }

        private void attachments(List<Attachment> attachments) {
            if (attachments.isEmpty()) {
                return;
            }
            Base64Encoding base64 = withContent ? new Base64Encoding() : null;
            out.start("", "AttachmentEncoded", null);
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                out.start("", "Attachment", "Attachments[" + (i + 1) + "]");
                leaf("ContentId", a.contentId());
                leaf("AttachmentName", a.name());
                leaf("Description", a.description());
                leaf("ContentType", a.contentType());
                out.startEd("ContentTransferEncoded");
                out.namespace(EdXmlNames.PREFIX, EdXmlNames.NAMESPACE);
                if (!a.content().isReadable()) {
                    throw ValidationException.of("edxml.attachment.unreadable", out.path(),
                            "the content of attachment '" + a.contentId() + "' is not readable (it was streamed to "
                                    + "a sink while reading and is not kept)");
                }
                if (base64 != null) {
                    base64.encode(a.content(), out, out.path());
                }
                out.end();
                out.end();
            }
            out.end();
        }

        private void leaf(String local, String text) {
            out.start("", local, local);
            out.text(text);
            out.end();
        }
    }
}
