package vn.egov.sdk.signing.internal.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.egov.sdk.edxml.EdXmlNames;

/** Finds the parts of an edXML DOM a signature cares about. Stateless. */
public final class EdXmlDom {
    /** The QCVN 102:2016 namespace. */
    public static final String EDXML_NS = EdXmlNames.NAMESPACE;
    /** The XML-DSig namespace. */
    public static final String DSIG_NS = EdXmlNames.XMLDSIG_NAMESPACE;

    private EdXmlDom() {
    }

    /**
     * The {@code edXMLHeader} of an edXML package: the root is {@code edXML}, with exactly one
     * {@code edXMLEnvelope} holding exactly one {@code edXMLHeader} (all in the QCVN namespace).
     *
     * @return the header, or empty when the document is not shaped like an edXML package
     */
    public static Optional<Element> header(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null || !isEdXml(root, "edXML")) {
            return Optional.empty();
        }
        List<Element> envelopes = children(root, EDXML_NS, "edXMLEnvelope");
        if (envelopes.size() != 1) {
            return Optional.empty();
        }
        List<Element> headers = children(envelopes.get(0), EDXML_NS, "edXMLHeader");
        return headers.size() == 1 ? Optional.of(headers.get(0)) : Optional.empty();
    }

    /** Whether the element is {@code {QCVN}localName}. */
    public static boolean isEdXml(Element e, String localName) {
        return EDXML_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    /** Whether the element is {@code {xmldsig}localName}. */
    public static boolean isDsig(Element e, String localName) {
        return DSIG_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    /** The element children with this namespace and local name. */
    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>(2);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element children, in order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Every element anywhere in the document that is a signature: {@code Signature} in the XML-DSig or the edXML
     * namespace (the official samples), or {@code edXML:DigitalSignature}.
     */
    public static List<Element> signatureElements(Document doc) {
        List<Element> out = new ArrayList<>(1);
        collect(doc.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element e, List<Element> out) {
        if (isDsig(e, "Signature") || isEdXml(e, "Signature") || isEdXml(e, "DigitalSignature")) {
            out.add(e);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, out);
            }
        }
    }

    /**
     * The first value shared by two identifier attributes ({@code Id}, {@code ID}, {@code id}, {@code xml:id}) in
     * the document, if any: duplicated identifiers are how signature-wrapping attacks confuse a verifier.
     */
    public static Optional<String> duplicateId(Document doc) {
        Map<String, Boolean> seen = new HashMap<>();
        return duplicateId(doc.getDocumentElement(), seen);
    }

    private static Optional<String> duplicateId(Element e, Map<String, Boolean> seen) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (isIdName(a) && seen.put(a.getValue(), Boolean.TRUE) != null) {
                return Optional.of(a.getValue());
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                Optional<String> d = duplicateId(c, seen);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isIdName(Attr a) {
        String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
        if (a.getNamespaceURI() == null) {
            return name.equals("Id") || name.equals("ID") || name.equals("id");
        }
        return XMLConstants.XML_NS_URI.equals(a.getNamespaceURI()) && name.equals("id");
    }

    /**
     * Where a new signature goes in the header: right after {@code TraceHeaderList} (where the official VNPT library puts it), or after
     * {@code MessageHeader} when the package has no trace list.
     *
     * @return the node the signature is inserted before, or {@code null} to append it
     */
    public static Node insertionPoint(Element header) {
        List<Element> trace = children(header, EDXML_NS, "TraceHeaderList");
        if (!trace.isEmpty()) {
            return trace.get(trace.size() - 1).getNextSibling();
        }
        List<Element> mh = children(header, EDXML_NS, "MessageHeader");
        if (!mh.isEmpty()) {
            return mh.get(mh.size() - 1).getNextSibling();
        }
        return null;
    }

    /**
     * Replaces a {@code Signature} in the edXML namespace (as the official samples emit it) with a copy whose
     * elements are in the XML-DSig namespace, so a standard verifier can check it.
     *
     * @return the copy, now in the document in place of the original
     */
    public static Element moveToDsigNamespace(Element signature) {
        Document doc = signature.getOwnerDocument();
        Element copy = (Element) renamed(doc, signature);
        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", DSIG_NS);
        signature.getParentNode().replaceChild(copy, signature);
        return copy;
    }

    private static Node renamed(Document doc, Node n) {
        if (!(n instanceof Element e)) {
            return n.cloneNode(true);
        }
        Element out;
        if (EDXML_NS.equals(e.getNamespaceURI())) {
            out = doc.createElementNS(DSIG_NS, e.getLocalName());
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    out.setAttributeNodeNS((Attr) a.cloneNode(true));
                }
            }
        } else {
            out = (Element) e.cloneNode(false);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            out.appendChild(renamed(doc, c));
        }
        return out;
    }
}
