package vn.egov.sdk.core.xml.internal;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A {@link DocumentBuilderFactory} that hands every setting to the JDK's factory it wraps, and gives each
 * {@link DocumentBuilder} it makes an error handler that throws instead of printing, and an entity resolver that
 * refuses: a builder left with the JDK's default handler prints {@code [Fatal Error] …} on {@code System.err} for
 * every malformed document, before throwing.
 */
public final class SilentDocumentBuilderFactory extends DocumentBuilderFactory {
    /** Warnings are dropped; errors and fatal errors are thrown. Nothing is printed. */
    public static final ErrorHandler ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // not an error; nothing is printed
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    /** Refuses every external entity (a DTD is refused before it is read anyway). */
    public static final EntityResolver NO_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
    };

    private final DocumentBuilderFactory jdk;

    /**
     * @param jdk the configured factory that makes the builders
     */
    public SilentDocumentBuilderFactory(DocumentBuilderFactory jdk) {
        this.jdk = jdk;
    }

    @Override
    public DocumentBuilder newDocumentBuilder() throws ParserConfigurationException {
        DocumentBuilder b = jdk.newDocumentBuilder();
        b.setErrorHandler(ERRORS);
        b.setEntityResolver(NO_ENTITIES);
        return b;
    }

    @Override
    public void setAttribute(String name, Object value) {
        jdk.setAttribute(name, value);
    }

    @Override
    public Object getAttribute(String name) {
        return jdk.getAttribute(name);
    }

    @Override
    public void setFeature(String name, boolean value) throws ParserConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws ParserConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setNamespaceAware(boolean value) {
        jdk.setNamespaceAware(value);
    }

    @Override
    public boolean isNamespaceAware() {
        return jdk.isNamespaceAware();
    }

    @Override
    public void setValidating(boolean value) {
        jdk.setValidating(value);
    }

    @Override
    public boolean isValidating() {
        return jdk.isValidating();
    }

    @Override
    public void setIgnoringElementContentWhitespace(boolean value) {
        jdk.setIgnoringElementContentWhitespace(value);
    }

    @Override
    public boolean isIgnoringElementContentWhitespace() {
        return jdk.isIgnoringElementContentWhitespace();
    }

    @Override
    public void setExpandEntityReferences(boolean value) {
        jdk.setExpandEntityReferences(value);
    }

    @Override
    public boolean isExpandEntityReferences() {
        return jdk.isExpandEntityReferences();
    }

    @Override
    public void setIgnoringComments(boolean value) {
        jdk.setIgnoringComments(value);
    }

    @Override
    public boolean isIgnoringComments() {
        return jdk.isIgnoringComments();
    }

    @Override
    public void setCoalescing(boolean value) {
        jdk.setCoalescing(value);
    }

    @Override
    public boolean isCoalescing() {
        return jdk.isCoalescing();
    }

    @Override
    public void setSchema(Schema schema) {
        jdk.setSchema(schema);
    }

    @Override
    public Schema getSchema() {
        return jdk.getSchema();
    }

    @Override
    public void setXIncludeAware(boolean state) {
        jdk.setXIncludeAware(state);
    }

    @Override
    public boolean isXIncludeAware() {
        return jdk.isXIncludeAware();
    }
}
