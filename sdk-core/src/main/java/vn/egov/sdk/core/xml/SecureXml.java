package vn.egov.sdk.core.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.xml.internal.MarkupGuard;

/**
 * The one place the SDK makes XML parsers. Every factory it returns refuses DTDs (so external entities, entity
 * expansion and external DTD fetches cannot happen), never resolves external resources, never expands XInclude,
 * and bounds element depth ({@value #MAX_ELEMENT_DEPTH}), attributes per element and entity sizes with the JDK's
 * secure-processing limits. Factories are new on every call and configured per instance: no system property or
 * other JVM-wide setting is touched.
 *
 * <p>The factories are always the JDK's own implementations ({@code newDefaultInstance} / {@code newDefaultFactory}),
 * never one that another library on the class path registers (Woodstox, Apache Xerces, Xalan): the hardening here
 * is written for the JDK's parser, and its limits are JDK properties another implementation would reject or
 * ignore. Errors are reported as exceptions, never printed.
 *
 * <p>Streaming readers that must also bound what a document holds (elements, attributes, namespace declarations,
 * text) come from {@link #createStreamReader(InputStream, XmlLimits)}.
 */
public final class SecureXml {
    /** The deepest element nesting accepted. */
    public static final int MAX_ELEMENT_DEPTH = 512;

    private static final String JDK_MAX_DEPTH = "jdk.xml.maxElementDepth";
    private static final String JDK_MAX_DEPTH_LEGACY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    /** Only the JDK's own limits and the DTD/entity refusal. */
    private static final XmlLimits UNBOUNDED = XmlLimits.builder().maxDepth(MAX_ELEMENT_DEPTH)
            .maxElements(Integer.MAX_VALUE).maxAttributesPerElement(Integer.MAX_VALUE)
            .maxNamespaceDeclarations(Integer.MAX_VALUE).maxNodes(Integer.MAX_VALUE).maxTextChars(Long.MAX_VALUE)
            .build();

    private SecureXml() {
    }

    /**
     * A namespace-aware, hardened {@link DocumentBuilderFactory}; every builder it makes reports errors as
     * exceptions, never on the console, and refuses external entities.
     *
     * @return a new factory; configure nothing that would weaken it
     */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute(JDK_MAX_DEPTH_LEGACY, String.valueOf(MAX_ELEMENT_DEPTH));
        return new vn.egov.sdk.core.xml.internal.SilentDocumentBuilderFactory(f);
    }

    /**
     * A hardened {@link DocumentBuilder} that reports errors as exceptions, never on the console.
     *
     * @return a new document builder; not thread-safe
     */
    public static DocumentBuilder documentBuilder() {
        try {
            return documentBuilderFactory().newDocumentBuilder(); // throwing error handler, refusing resolver
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened DocumentBuilder", e);
        }
    }

    /**
     * A namespace-aware, hardened StAX {@link XMLInputFactory} for streaming readers.
     *
     * @return a new StAX input factory with DTDs and external entities off
     */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        if (f.isPropertySupported(JDK_MAX_DEPTH)) {
            f.setProperty(JDK_MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        }
        return f;
    }

    /**
     * A streaming reader over the input that refuses any DTD and any entity reference (the factory already never
     * loads or expands them; this makes their presence an error instead of silently skipping them). It counts
     * nothing beyond the JDK's own limits: for input from outside, prefer
     * {@link #createStreamReader(InputStream, XmlLimits)}.
     *
     * @param in the bytes; not closed by the reader
     * @return a StAX reader over {@code in}
     * @throws XMLStreamException if the reader cannot be created
     */
    public static XMLStreamReader createStreamReader(InputStream in) throws XMLStreamException {
        return new BoundedXmlReader(xmlInputFactory().createXMLStreamReader(in), UNBOUNDED);
    }

    /**
     * A streaming reader over the input that refuses any DTD and entity reference and enforces the limits as it
     * reads (see {@link BoundedXmlReader}). No single tag (with its attributes), comment, processing instruction,
     * CDATA section or DOCTYPE may be longer than {@link XmlLimits#maxTextChars()} characters: the JDK's parser
     * buffers each of these whole, so they are measured in the bytes before it reads them. Documents in UTF-32 or
     * EBCDIC are refused.
     *
     * @param in the bytes; not closed by the reader
     * @param limits what the document may hold
     * @return the reader
     * @throws XMLStreamException if the reader cannot be created
     */
    public static BoundedXmlReader createStreamReader(InputStream in, XmlLimits limits) throws XMLStreamException {
        if (limits == null) {
            throw vn.egov.sdk.core.ValidationException.of("xml.limits", "limits", "limits are required");
        }
        return new BoundedXmlReader(xmlInputFactory().createXMLStreamReader(
                new MarkupGuard(in, limits.maxTextChars())), limits);
    }

    /**
     * A hardened {@link TransformerFactory} (no external DTD or stylesheet access); it and every transformer it
     * makes report errors as exceptions, never on the console, and documents or stylesheets given as stream
     * sources are read by a hardened parser that does the same.
     *
     * @return a new transformer factory
     */
    public static TransformerFactory transformerFactory() {
        TransformerFactory f = TransformerFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's TransformerFactory lacks secure processing", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return new vn.egov.sdk.core.xml.internal.SilentTransformerFactory(f, MAX_ELEMENT_DEPTH);
    }

    /**
     * Parses a whole document with the hardened parser.
     *
     * @param in the bytes; read to the end, not closed
     * @param what names the input in error messages (for example "edXML package")
     * @return the document
     * @throws VerificationException if the input is not well-formed XML, has a DTD, or breaks a limit
     */
    public static Document parse(InputStream in, String what) {
        try {
            return documentBuilder().parse(in);
        } catch (SAXParseException e) {
            throw malformed(what, "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + Causes.describe(e), e);
        } catch (SAXException e) {
            throw malformed(what, Causes.describe(e), e);
        } catch (IOException e) {
            throw malformed(what, "could not be read: " + Causes.describe(e), e);
        } catch (StackOverflowError e) {
            throw malformed(what, "nesting is too deep", null);
        }
    }

    private static VerificationException malformed(String what, String why, Throwable cause) {
        return new VerificationException(what + " is not acceptable XML: " + why,
                ErrorDetails.of(Fault.VERIFICATION, false), cause);
    }
}
