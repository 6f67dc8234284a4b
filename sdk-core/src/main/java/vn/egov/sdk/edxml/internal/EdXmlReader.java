package vn.egov.sdk.edxml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.core.xml.XmlEncodingException;
import vn.egov.sdk.core.xml.XmlLimitException;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlNames;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlReadOptions;
import vn.egov.sdk.edxml.XmlElement;

/**
 * Reads one package with the hardened StAX parser, bounded by the options' {@link vn.egov.sdk.core.xml.XmlLimits}:
 * the envelope into an element tree mapped onto the model, attachments decoded as they stream into memory,
 * temporary files or the caller's sink. The parser reads every byte of the document except the base64 runs that
 * {@link Base64Bypass} hands straight to the decoder, so what is accepted and what each value is are exactly the
 * parser's. One read per instance.
 */
public final class EdXmlReader {
    private static final int MAX_LEAF = 64 * 1024;

    private final EdXmlReadOptions options;
    private final List<Path> created = new ArrayList<>();
    private final Base64Decoding decoder = new Base64Decoding();
    private PackageBudget budget;
    private Base64Bypass bypass;
    private ContentCounter r;

    /** @param options the read options */
    public EdXmlReader(EdXmlReadOptions options) {
        this.options = options;
    }

    /**
     * Reads one package.
     *
     * @throws EdXmlFormatException if the bytes are not an acceptable package
     */
    public EdXmlPackage read(InputStream in) {
        budget = new PackageBudget(options);
        bypass = new Base64Bypass(in);
        try {
            r = new ContentCounter(SecureXml.createStreamReader(bypass, options.xmlLimits()));
            return readDocument();
        } catch (XmlLimitException | XmlEncodingException e) {
            cleanUp();
            throw new EdXmlFormatException("", Causes.describe(e), e);
        } catch (IOException e) {
            cleanUp();
            throw new EdXmlFormatException("", "cannot read the input: " + Causes.describe(e), e);
        } catch (XMLStreamException e) {
            cleanUp();
            throw new EdXmlFormatException("", "not well-formed XML" + where(e.getLocation()) + ": " + reason(e), e);
        } catch (EgovException e) {
            cleanUp();
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input as unchecked exceptions
            cleanUp();
            throw new EdXmlFormatException("", "unreadable input: " + e, e);
        } catch (StackOverflowError e) {
            cleanUp();
            throw new EdXmlFormatException("", "the document is nested too deeply to read", null);
        } finally {
            close();
        }
    }

    /** Bytes of base64 the last read handed to the decoder without the parser (for tests and diagnostics). */
    long bypassedBytes() {
        return bypass == null ? 0 : bypass.diverted();
    }

    private EdXmlPackage readDocument() throws XMLStreamException, IOException {
        String version = r.getVersion();
        if (version != null && !version.equals("1.0")) {
            throw new EdXmlFormatException("", "XML version " + version + " is not accepted: edXML packages are "
                    + "XML 1.0", null);
        }
        if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("edXML")
                || !EdXmlNames.NAMESPACE.equals(r.getNamespaceURI())) {
            throw new EdXmlFormatException("", "the root element must be edXML in namespace " + EdXmlNames.NAMESPACE
                    + ", found {" + (r.getNamespaceURI() == null ? "" : r.getNamespaceURI()) + "}" + r.getLocalName(),
                    null);
        }
        XmlElement envelope = null;
        List<Attachment> attachments = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            boolean edxml = EdXmlNames.NAMESPACE.equals(r.getNamespaceURI());
            String name = r.getLocalName();
            if (edxml && name.equals("edXMLEnvelope")) {
                if (envelope != null) {
                    throw new EdXmlFormatException("edXMLEnvelope", "more than one envelope", null);
                }
                envelope = new StaxTree(r).read();
            } else if (edxml && name.equals("AttachmentEncoded")) {
                readAttachments(attachments);
            } else if (options.strict()) {
                throw new EdXmlFormatException(name, "unknown element (strict reading)", null);
            } else {
                skip(); // unknown top-level element: counted against the limits and dropped
            }
        }
        while (r.hasNext()) {
            r.next(); // to the end of the document, so trailing garbage is refused
        }
        if (envelope == null) {
            throw new EdXmlFormatException("edXMLEnvelope", "element is missing", null);
        }
        return toPackage(envelope, attachments);
    }

    private EdXmlPackage toPackage(XmlElement envelope, List<Attachment> attachments) {
        EnvelopeMapper mapper = new EnvelopeMapper(options.strict());
        if (EnvelopeMapper.isStatus(envelope)) {
            return mapper.status(envelope);
        }
        DocumentPackage doc = mapper.document(envelope);
        return new DocumentPackage(doc.header(), doc.trace(), doc.signature(), doc.manifestAttributes(),
                doc.manifest(), attachments, doc.headerExtensions());
    }

    private void readAttachments(List<Attachment> attachments) throws XMLStreamException, IOException {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String path = "Attachments[" + (attachments.size() + 1) + "]";
            if (!r.getLocalName().equals("Attachment")) {
                if (options.strict()) {
                    throw new EdXmlFormatException(path, "unknown element " + r.getLocalName() + " (strict reading)",
                            null);
                }
                skip();
                continue;
            }
            budget.attachment(path);
            attachments.add(readAttachment(path));
        }
    }

    private Attachment readAttachment(String path) throws XMLStreamException, IOException {
        AttachmentFields fields = new AttachmentFields(path, options.strict());
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if (AttachmentFields.isLeaf(local)) {
                fields.leaf(local, leaf(fields.path(local)));
            } else if (local.equals(AttachmentFields.CONTENT)) {
                fields.expectContent();
                fields.content(content(fields.path(local), fields.contentId(), fields.name()));
            } else {
                fields.unknown(local);
                skip();
            }
        }
        return fields.build();
    }

    /** Decodes the content element the reader stands on: the bypassed run first, then what the parser reports. */
    private AttachmentContent content(String path, String contentId, String name)
            throws XMLStreamException, IOException {
        AttachmentOutput output = new AttachmentOutput(options, budget, path, created, contentId, name);
        decoder.start(output, path);
        try {
            r.bounded().excludeTextOfCurrentElement();
            bypass.divert(r.contentStarts(), decoder);
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    decoder.accept(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new EdXmlFormatException(path, "must hold only base64 text", null);
                }
            }
            decoder.finish();
            return output.finish();
        } catch (RuntimeException | XMLStreamException | IOException e) {
            output.abandon();
            throw e;
        }
    }

    /** The text of a leaf element, refused beyond {@value #MAX_LEAF} characters as it arrives. */
    private String leaf(String path) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + r.getTextLength() > MAX_LEAF) {
                        throw new EdXmlFormatException(path, "text longer than " + MAX_LEAF + " characters", null);
                    }
                    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString().strip();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new EdXmlFormatException(path, "must hold only text", null);
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void cleanUp() {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the failure being reported matters more
            }
        }
    }

    private void close() {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the parser's buffers
            }
        }
    }

    /** Where the parser was, its line corrected for the lines of base64 it did not see. */
    private String where(Location l) {
        return l == null || l.getLineNumber() < 0 ? ""
                : " (line " + (l.getLineNumber() + bypass.divertedLines()) + ")";
    }

    private static String reason(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).strip();
    }
}
