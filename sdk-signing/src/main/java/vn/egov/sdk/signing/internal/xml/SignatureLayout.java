package vn.egov.sdk.signing.internal.xml;

import java.util.List;
import java.util.Optional;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Lays a new signature out the way the SDK's edXML writer writes a kept {@code Signature} (each element on its own
 * line, two more spaces per level, base64 on one line), when the package itself is indented. A package signed by
 * the SDK is thereby a fixed point of {@code EdXml.read} + {@code EdXml.write}: an intermediary built on the SDK
 * (the sandbox axis, a gateway re-writing packages) keeps the signature valid. A compact package gets a compact
 * signature.
 */
public final class SignatureLayout {
    private static final String UNIT = "  ";
    private static final List<String> BASE64 = List.of("DigestValue", "SignatureValue", "X509Certificate");

    private SignatureLayout() {
    }

    /**
     * The line break and indentation the header's children are written with, taken from the white space before
     * its first child element; empty when the package is not indented.
     */
    public static Optional<String> indentOf(Element header) {
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                Node before = n.getPreviousSibling();
                if (before instanceof Text t && t.getData().isBlank() && t.getData().contains("\n")) {
                    String data = t.getData();
                    return Optional.of(data.substring(data.lastIndexOf('\n')));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Puts base64 values on one line and, when {@code indent} is present, indents the signature below its
     * opening tag.
     *
     * @param signature the signature element, already in the document
     * @param indent the line break and indentation of the signature's own line
     */
    public static void apply(Element signature, Optional<String> indent) {
        oneLine(signature);
        indent.ifPresent(i -> indent(signature, i));
    }

    private static void oneLine(Element e) {
        if (BASE64.contains(e.getLocalName()) && EdXmlDom.DSIG_NS.equals(e.getNamespaceURI())) {
            e.setTextContent(e.getTextContent().replaceAll("\\s", ""));
            return;
        }
        for (Element c : EdXmlDom.children(e)) {
            oneLine(c);
        }
    }

    private static void indent(Element e, String own) {
        List<Element> children = EdXmlDom.children(e);
        if (children.isEmpty()) {
            return;
        }
        String inner = own + UNIT;
        for (Element c : children) {
            e.insertBefore(e.getOwnerDocument().createTextNode(inner), c);
            indent(c, inner);
        }
        e.appendChild(e.getOwnerDocument().createTextNode(own));
    }

    /**
     * The canonical {@code SignedInfo} of a signature element as it now stands, computed by the JDK (through the
     * capturing provider's verification).
     *
     * @param factory the XML-DSig factory
     * @param signature the signature element
     * @param key the capture key
     * @return the bytes to sign
     * @throws MarshalException if the element is not a signature
     * @throws XMLSignatureException if canonicalisation fails
     */
    public static byte[] canonicalSignedInfo(XMLSignatureFactory factory, Element signature, CaptureKey key)
            throws MarshalException, XMLSignatureException {
        DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(key), signature);
        context.setProperty(CapturingSignatureProvider.CONTEXT_PROPERTY, CapturingSignatureProvider.instance());
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xs = factory.unmarshalXMLSignature(context);
        if (!xs.getSignatureValue().validate(context)) {
            throw new XMLSignatureException("the SignedInfo could not be canonicalised");
        }
        return key.capturedBytes();
    }
}
