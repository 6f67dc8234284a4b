package vn.egov.sdk.signing.internal.xml;

import java.io.OutputStream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import vn.egov.sdk.core.xml.SecureXml;

/** Writes a DOM as UTF-8 with an XML declaration, no indentation (so signed whitespace is kept as it is). */
public final class XmlOutput {
    private XmlOutput() {
    }

    /**
     * Writes the document.
     *
     * @param doc the document
     * @param out where it goes (flushed, not closed)
     * @throws TransformerException if writing fails
     */
    public static void write(Document doc, OutputStream out) throws TransformerException {
        doc.setXmlStandalone(true);
        Transformer t = SecureXml.transformerFactory().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.INDENT, "no");
        t.setOutputProperty(OutputKeys.METHOD, "xml");
        t.transform(new DOMSource(doc), new StreamResult(out));
    }
}
