package vn.egov.sdk.edxml.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlNames;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlReadOptions;
import vn.egov.sdk.edxml.XmlElement;

/**
 * Reads a package with the hardened StAX parser: the envelope into a bounded element tree mapped onto the model,
 * attachments streamed through a block base64 decoder into memory, temporary files or the caller's sink.
 */
public final class EdXmlReader {
    private final EdXmlReadOptions options;

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
        List<Path> created = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            EnvelopeSplitter splitter = new EnvelopeSplitter(in, splitLimit());
            Optional<EnvelopeSplitter.Split> split = splitter.split();
            if (split.isPresent()) {
                r = SecureXml.createStreamReader(new ByteArrayInputStream(split.get().head()));
                return readSplit(r, split.get().rest(), created);
            }
            r = SecureXml.createStreamReader(splitter.whole());
            return readRoot(r, created);
        } catch (IOException e) {
            cleanUp(created);
            throw new EdXmlFormatException("", "cannot read the input: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            cleanUp(created);
            throw new EdXmlFormatException("", "not well-formed XML" + where(e.getLocation()) + ": "
                    + reason(e), e);
        } catch (EgovException e) {
            cleanUp(created);
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input as unchecked exceptions
            cleanUp(created);
            throw new EdXmlFormatException("", "unreadable input: " + e, e);
        } finally {
            close(r);
        }
    }

    /** Fast path: the parser reads the header bytes only; the attachment section is parsed from the raw bytes. */
    private EdXmlPackage readSplit(XMLStreamReader r, InputStream rest, List<Path> created)
            throws XMLStreamException, IOException {
        checkRoot(r);
        Map<String, String> rootNamespaces = new HashMap<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            rootNamespaces.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
        }
        rootNamespaces.putIfAbsent("xml", "http://www.w3.org/XML/1998/namespace");
        String rootName = (r.getPrefix() == null || r.getPrefix().isEmpty() ? "" : r.getPrefix() + ":")
                + r.getLocalName();
        if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("edXMLEnvelope")
                || !EdXmlNames.NAMESPACE.equals(r.getNamespaceURI())) {
            throw new EdXmlFormatException("edXMLEnvelope", "element is missing", null);
        }
        XmlElement envelope = new StaxTree(r, options.maxHeaderChars()).read();
        List<Attachment> attachments = new ArrayList<>();
        new AttachmentSection(rest, rootNamespaces, rootName, options, created).read(attachments);
        return toPackage(envelope, attachments);
    }

    private int splitLimit() {
        return (int) Math.min(options.maxHeaderChars() * 2 + 64 * 1024, 32L * 1024 * 1024);
    }

    private static void checkRoot(XMLStreamReader r) throws XMLStreamException {
        nextElement(r);
        if (!r.getLocalName().equals("edXML") || !EdXmlNames.NAMESPACE.equals(r.getNamespaceURI())) {
            throw new EdXmlFormatException("", "the root element must be edXML in namespace " + EdXmlNames.NAMESPACE
                    + ", found {" + (r.getNamespaceURI() == null ? "" : r.getNamespaceURI()) + "}" + r.getLocalName(),
                    null);
        }
    }

    /** General path: the XML parser reads everything (any encoding, any order of the root's children). */
    private EdXmlPackage readRoot(XMLStreamReader r, List<Path> created) throws XMLStreamException {
        checkRoot(r);
        XmlElement envelope = null;
        List<Attachment> attachments = new ArrayList<>();
        StaxTree tree = new StaxTree(r, options.maxHeaderChars());
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            boolean edxml = EdXmlNames.NAMESPACE.equals(r.getNamespaceURI());
            String name = r.getLocalName();
            if (edxml && name.equals("edXMLEnvelope") && envelope == null) {
                envelope = tree.read();
            } else if (edxml && name.equals("AttachmentEncoded")) {
                readAttachments(r, attachments, created);
            } else if (options.strict()) {
                throw new EdXmlFormatException(name, "unknown element (strict reading)", null);
            } else {
                tree.read(); // unknown top-level element: read within the budget and dropped
            }
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

    private void readAttachments(XMLStreamReader r, List<Attachment> attachments, List<Path> created)
            throws XMLStreamException {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String path = "Attachments[" + (attachments.size() + 1) + "]";
            if (!r.getLocalName().equals("Attachment")) {
                if (options.strict()) {
                    throw new EdXmlFormatException(path, "unknown element " + r.getLocalName(), null);
                }
                skip(r);
                continue;
            }
            attachments.add(readAttachment(r, path, created));
        }
    }

    private Attachment readAttachment(XMLStreamReader r, String path, List<Path> created) throws XMLStreamException {
        AttachmentFields fields = new AttachmentFields(path, options.strict());
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if (AttachmentFields.isLeaf(local)) {
                fields.leaf(local, leaf(r, fields.path(local)));
            } else if (local.equals(AttachmentFields.CONTENT)) {
                fields.expectContent();
                fields.content(decode(r, fields.path(local), created, fields.contentId(), fields.name()));
            } else {
                fields.unknown(local);
                skip(r);
            }
        }
        return fields.build();
    }

    private AttachmentContent decode(XMLStreamReader r, String path, List<Path> created,
            String contentId, String name) throws XMLStreamException {
        AttachmentOutput output = new AttachmentOutput(options, path, created, contentId, name);
        Base64Decoding decoder = new Base64Decoding(output, path);
        try {
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
        } catch (RuntimeException | XMLStreamException e) {
            output.abandon();
            throw e;
        }
    }

    private String leaf(XMLStreamReader r, String path) throws XMLStreamException {
        try {
            String text = r.getElementText();
            if (text.length() > 64 * 1024) {
                throw new EdXmlFormatException(path, "text longer than 65536 characters", null);
            }
            return text.strip();
        } catch (XMLStreamException e) {
            throw new EdXmlFormatException(path, "must hold only text: " + reason(e), e);
        }
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
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

    private static void nextElement(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new EdXmlFormatException("", "no root element (empty input?)", null);
    }

    private static void cleanUp(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the failure being reported matters more
            }
        }
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the parser's buffers
            }
        }
    }

    private static String where(Location l) {
        return l == null ? "" : " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")";
    }

    private static String reason(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).strip();
    }
}
