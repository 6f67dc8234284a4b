package vn.egov.sdk.signing.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.io.BoundedInputStream;
import vn.egov.sdk.core.xml.BoundedXmlReader;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.core.xml.XmlLimitException;
import vn.egov.sdk.core.xml.XmlLimits;

/**
 * An edXML package read into a DOM for XML-DSig, with its structure bounded and its attachment content kept out.
 *
 * <p>The DOM is built from the events of the hardened, bounded StAX reader ({@link SecureXml#createStreamReader(
 * InputStream, XmlLimits)}), so every {@link XmlLimits} is enforced while reading, before any node is made, and a
 * package that breaks one is refused in time proportional to what was read. It holds what the JDK's
 * {@code DocumentBuilder} would (elements with their namespace declarations as {@code xmlns} attributes,
 * attributes, text with line ends normalised and references resolved, comments, processing instructions,
 * including those around the root) with two differences that canonical XML cannot see: CDATA sections and
 * adjacent text are one text node, and the text of each attachment's {@code ContentTransferEncoded}
 * ({@code edXML/AttachmentEncoded/Attachment/ContentTransferEncoded}, matched as the SDK's edXML reader matches it)
 * is replaced by a placeholder of {@link ExcludedText}, which keeps the real text in canonical form. So the DOM
 * costs memory in proportion to the header, not to the attachments.
 *
 * <p>Only XML 1.0 is accepted: edXML is XML 1.0, and the JDK's StAX parser mishandles XML 1.1 namespace
 * declarations.
 */
public final class ParsedPackage implements AutoCloseable {
    private static final DOMImplementation DOM;

    static {
        try {
            DOM = SecureXml.documentBuilderFactory().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM implementation is not available", e);
        }
    }

    private final Document document;
    private final ExcludedText excluded;

    private ParsedPackage(Document document, ExcludedText excluded) {
        this.document = document;
        this.excluded = excluded;
    }

    /** The DOM, attachment content replaced by placeholders. */
    public Document document() {
        return document;
    }

    /** The attachment content kept out of the DOM. */
    public ExcludedText excluded() {
        return excluded;
    }

    /** Releases the attachment content (deletes its temporary file, if any). */
    @Override
    public void close() {
        excluded.close();
    }

    /**
     * Reads a package.
     *
     * @param in the bytes (read to the end or to the first problem, not closed)
     * @param maxBytes the most bytes read
     * @param limits what the document may hold
     * @param tempDirectory where large attachment content goes; {@code null} for the JVM's temporary directory
     * @return the package; close it
     * @throws XmlLimitException if the document breaks one of the limits
     * @throws VerificationException if it is larger than {@code maxBytes}, not well-formed XML 1.0, or has a DTD or
     *     an entity reference
     */
    public static ParsedPackage read(InputStream in, long maxBytes, XmlLimits limits, Path tempDirectory) {
        ExcludedText excluded = new ExcludedText(tempDirectory);
        try {
            BoundedXmlReader r = SecureXml.createStreamReader(new BoundedInputStream(in, maxBytes), limits);
            try {
                return new ParsedPackage(new Builder(r, excluded).build(), excluded);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            excluded.close();
            throw notAcceptable(e, maxBytes);
        } catch (RuntimeException | Error e) {
            excluded.close();
            throw e;
        }
    }

    private static VerificationException notAcceptable(XMLStreamException e, long maxBytes) {
        Throwable t = e;
        for (int i = 0; i < 8 && t != null; i++) {
            if (t instanceof BoundedInputStream.LimitExceededException) {
                return malformed("the input is larger than " + maxBytes + " bytes", e);
            }
            t = t instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException()
                    : t.getCause();
        }
        String where = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? ""
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ": ";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int start = message.indexOf("Message: ");
        if (message.startsWith("ParseError at [") && start >= 0) {
            message = message.substring(start + "Message: ".length());
        }
        return malformed(where + message.strip(), e);
    }

    private static VerificationException malformed(String why, Throwable cause) {
        return new VerificationException("edXML package is not acceptable XML: " + why,
                ErrorDetails.of(Fault.VERIFICATION, false), cause);
    }

    /** Builds the DOM from the reader's events. */
    private static final class Builder {
        private final BoundedXmlReader r;
        private final ExcludedText excluded;
        private final Document doc = DOM.createDocument(null, null, null);

        {
            // the names and values come from the parser, which has checked them
            doc.setStrictErrorChecking(false);
        }
        private final StringBuilder text = new StringBuilder();
        private Node current = doc;
        private int depth;
        /** Whether the open elements at depth 1, 2 and 3 are edXML, AttachmentEncoded, Attachment. */
        private boolean rootIsEdXml;
        private boolean inAttachmentEncoded;
        private boolean inAttachment;
        /** The {@code ContentTransferEncoded} element whose own text is being excluded, if any. */
        private Element excluding;
        private boolean segmentOpen;

        Builder(BoundedXmlReader r, ExcludedText excluded) {
            this.r = r;
            this.excluded = excluded;
        }

        Document build() throws XMLStreamException {
            String version = r.getVersion();
            if (version != null && !version.equals("1.0")) {
                throw new XMLStreamException("XML " + version + " is not accepted: edXML packages are XML 1.0",
                        r.getLocation());
            }
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> chars();
                    case XMLStreamConstants.COMMENT -> {
                        flush();
                        current.appendChild(doc.createComment(r.getText()));
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        flush();
                        String data = r.getPIData();
                        current.appendChild(doc.createProcessingInstruction(r.getPITarget(),
                                data == null ? "" : data));
                    }
                    default -> {
                        // START_DOCUMENT, END_DOCUMENT; DTDs and entity references are refused by the reader
                    }
                }
            }
            if (doc.getDocumentElement() == null) {
                throw new XMLStreamException("the document has no root element", r.getLocation());
            }
            doc.setXmlStandalone(true);
            doc.setStrictErrorChecking(true);
            return doc;
        }

        private void start() {
            flush();
            Element e = doc.createElementNS(emptyToNull(r.getNamespaceURI()), qualified(r.getPrefix(),
                    r.getLocalName()));
            for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
                String prefix = r.getNamespacePrefix(i);
                String uri = r.getNamespaceURI(i);
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix == null || prefix.isEmpty()
                        ? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix,
                        uri == null ? "" : uri);
            }
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                e.setAttributeNS(emptyToNull(r.getAttributeNamespace(i)), qualified(r.getAttributePrefix(i),
                        r.getAttributeLocalName(i)), r.getAttributeValue(i));
            }
            current.appendChild(e);
            current = e;
            depth++;
            String local = r.getLocalName();
            boolean edxml = EdXmlDom.EDXML_NS.equals(r.getNamespaceURI());
            switch (depth) {
                case 1 -> rootIsEdXml = edxml && local.equals("edXML");
                case 2 -> inAttachmentEncoded = rootIsEdXml && edxml && local.equals("AttachmentEncoded");
                case 3 -> inAttachment = inAttachmentEncoded && local.equals("Attachment");
                case 4 -> {
                    if (inAttachment && local.equals("ContentTransferEncoded")) {
                        r.excludeTextOfCurrentElement();
                        excluding = e;
                    }
                }
                default -> {
                    // deeper elements are never attachment content
                }
            }
        }

        private void end() {
            flush();
            switch (depth) {
                case 2 -> inAttachmentEncoded = false;
                case 3 -> inAttachment = false;
                case 4 -> excluding = null;
                default -> {
                    // nothing to track
                }
            }
            depth--;
            current = current.getParentNode();
        }

        private void chars() {
            int length = r.getTextLength();
            if (depth == 0 || length == 0) {
                return; // white space around the root is not part of the DOM
            }
            if (current == excluding) {
                if (!segmentOpen) {
                    current.appendChild(doc.createTextNode(excluded.begin()));
                    segmentOpen = true;
                }
                excluded.append(r.getTextCharacters(), r.getTextStart(), length);
            } else {
                text.append(r.getTextCharacters(), r.getTextStart(), length);
            }
        }

        /** Ends the pending run of text: one text node (or one excluded segment). */
        private void flush() {
            if (segmentOpen) {
                excluded.end();
                segmentOpen = false;
            }
            if (text.length() > 0) {
                current.appendChild(doc.createTextNode(text.toString()));
                text.setLength(0);
            }
        }

        private static String qualified(String prefix, String local) {
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
