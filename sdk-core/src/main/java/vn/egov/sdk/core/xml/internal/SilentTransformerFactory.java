package vn.egov.sdk.core.xml.internal;

import java.util.Properties;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A {@link TransformerFactory} that hands every setting to the JDK's factory it wraps and keeps every transformer
 * it makes from printing: each transformer (and the factory) reports through an error listener that throws
 * instead of printing (the JDK's own listener printed {@code ERROR: …} and {@code WARNING: …} on
 * {@code System.err} before JDK 17 updates made it silent), and a document or stylesheet given as a
 * {@link StreamSource} is read by a hardened SAX parser with a throwing error handler (the parser the JDK's
 * transformer would make has none, and prints {@code [Fatal Error] …} for malformed input).
 */
public final class SilentTransformerFactory extends TransformerFactory {
    /** Warnings are dropped; errors and fatal errors are thrown. Nothing is printed. */
    public static final ErrorListener ERRORS = new ErrorListener() {
        @Override
        public void warning(TransformerException exception) {
            // not an error; nothing is printed
        }

        @Override
        public void error(TransformerException exception) throws TransformerException {
            throw exception;
        }

        @Override
        public void fatalError(TransformerException exception) throws TransformerException {
            throw exception;
        }
    };

    private final TransformerFactory jdk;
    private final int maxElementDepth;

    /**
     * @param jdk the configured factory that makes the transformers
     * @param maxElementDepth the deepest element nesting the parser of stream sources accepts
     */
    public SilentTransformerFactory(TransformerFactory jdk, int maxElementDepth) {
        this.jdk = jdk;
        this.maxElementDepth = maxElementDepth;
        jdk.setErrorListener(ERRORS);
    }

    @Override
    public Transformer newTransformer(Source source) throws TransformerConfigurationException {
        return new SilentTransformer(jdk.newTransformer(silent(source)));
    }

    @Override
    public Transformer newTransformer() throws TransformerConfigurationException {
        return new SilentTransformer(jdk.newTransformer());
    }

    @Override
    public Templates newTemplates(Source source) throws TransformerConfigurationException {
        Templates t = jdk.newTemplates(silent(source));
        return new Templates() {
            @Override
            public Transformer newTransformer() throws TransformerConfigurationException {
                return new SilentTransformer(t.newTransformer());
            }

            @Override
            public Properties getOutputProperties() {
                return t.getOutputProperties();
            }
        };
    }

    @Override
    public Source getAssociatedStylesheet(Source source, String media, String title, String charset)
            throws TransformerConfigurationException {
        return jdk.getAssociatedStylesheet(silent(source), media, title, charset);
    }

    @Override
    public void setURIResolver(URIResolver resolver) {
        jdk.setURIResolver(resolver);
    }

    @Override
    public URIResolver getURIResolver() {
        return jdk.getURIResolver();
    }

    @Override
    public void setFeature(String name, boolean value) throws TransformerConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) {
        return jdk.getFeature(name);
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
    public void setErrorListener(ErrorListener listener) {
        jdk.setErrorListener(listener);
    }

    @Override
    public ErrorListener getErrorListener() {
        return jdk.getErrorListener();
    }

    /** A stream source becomes a SAX source read by a hardened, silent parser; other sources are kept. */
    private Source silent(Source source) throws TransformerConfigurationException {
        if (!(source instanceof StreamSource)) {
            return source;
        }
        InputSource input = SAXSource.sourceToInputSource(source);
        try {
            return new SAXSource(reader(), input);
        } catch (ParserConfigurationException | SAXException e) {
            throw new TransformerConfigurationException("cannot create a hardened XML reader", e);
        }
    }

    private XMLReader reader() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setValidating(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = f.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        parser.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth",
                String.valueOf(maxElementDepth));
        XMLReader r = parser.getXMLReader();
        r.setErrorHandler(SilentDocumentBuilderFactory.ERRORS);
        r.setEntityResolver(SilentDocumentBuilderFactory.NO_ENTITIES);
        return r;
    }

    /** A JDK transformer that reports through {@link #ERRORS} and reads stream sources silently. */
    private final class SilentTransformer extends Transformer {
        private final Transformer jdk;

        SilentTransformer(Transformer jdk) {
            this.jdk = jdk;
            jdk.setErrorListener(ERRORS);
        }

        @Override
        public void transform(Source source, Result result) throws TransformerException {
            jdk.transform(silent(source), result);
        }

        @Override
        public void setParameter(String name, Object value) {
            jdk.setParameter(name, value);
        }

        @Override
        public Object getParameter(String name) {
            return jdk.getParameter(name);
        }

        @Override
        public void clearParameters() {
            jdk.clearParameters();
        }

        @Override
        public void setURIResolver(URIResolver resolver) {
            jdk.setURIResolver(resolver);
        }

        @Override
        public URIResolver getURIResolver() {
            return jdk.getURIResolver();
        }

        @Override
        public void setOutputProperties(Properties properties) {
            jdk.setOutputProperties(properties);
        }

        @Override
        public Properties getOutputProperties() {
            return jdk.getOutputProperties();
        }

        @Override
        public void setOutputProperty(String name, String value) {
            jdk.setOutputProperty(name, value);
        }

        @Override
        public String getOutputProperty(String name) {
            return jdk.getOutputProperty(name);
        }

        @Override
        public void setErrorListener(ErrorListener listener) {
            jdk.setErrorListener(listener);
        }

        @Override
        public ErrorListener getErrorListener() {
            return jdk.getErrorListener();
        }

        @Override
        public void reset() {
            jdk.reset();
            jdk.setErrorListener(ERRORS);
        }
    }
}
