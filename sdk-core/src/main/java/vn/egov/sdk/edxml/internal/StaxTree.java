package vn.egov.sdk.edxml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.egov.sdk.edxml.XmlElement;

/**
 * Reads the element the reader stands on (a START_ELEMENT) into an {@link XmlElement} tree. What it may hold is
 * bounded by the reader ({@link vn.egov.sdk.core.xml.BoundedXmlReader}: elements, depth, attributes, text).
 */
final class StaxTree {
    private final XMLStreamReader r;

    StaxTree(XMLStreamReader reader) {
        this.r = reader;
    }

    /** Reads the current element and everything inside it; leaves the reader on its END_ELEMENT. */
    XmlElement read() throws XMLStreamException {
        String ns = text(r.getNamespaceURI());
        String prefix = text(r.getPrefix());
        String local = r.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = text(r.getAttributePrefix(i));
            attributes.put(p.isEmpty() ? r.getAttributeLocalName(i) : p + ":" + r.getAttributeLocalName(i),
                    r.getAttributeValue(i));
            if (!p.isEmpty()) {
                attributes.putIfAbsent("xmlns:" + p, text(r.getAttributeNamespace(i)));
            }
        }
        StringBuilder textContent = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        textContent.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(ns, prefix, local, attributes, textContent.toString().strip(), children);
                }
                default -> {
                    // comments and processing instructions are not kept
                }
            }
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
