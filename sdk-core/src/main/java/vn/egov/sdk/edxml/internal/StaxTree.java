package vn.egov.sdk.edxml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.XmlElement;

/**
 * Reads the element the reader stands on (a START_ELEMENT) into an {@link XmlElement} tree, counting its text
 * against a budget so a hostile header cannot exhaust memory.
 */
final class StaxTree {
    /** The deepest nesting inside the envelope the reader accepts. */
    static final int MAX_DEPTH = 64;

    private final XMLStreamReader r;
    private long budget;

    StaxTree(XMLStreamReader reader, long budgetChars) {
        this.r = reader;
        this.budget = budgetChars;
    }

    /** Reads the current element and everything inside it; leaves the reader on its END_ELEMENT. */
    XmlElement read() throws XMLStreamException {
        return read(0);
    }

    private XmlElement read(int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new EdXmlFormatException("", "elements nested deeper than " + MAX_DEPTH + " levels", null);
        }
        String ns = text(r.getNamespaceURI());
        String prefix = text(r.getPrefix());
        String local = r.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = text(r.getAttributePrefix(i));
            String value = r.getAttributeValue(i);
            charge(value.length());
            attributes.put(p.isEmpty() ? r.getAttributeLocalName(i) : p + ":" + r.getAttributeLocalName(i), value);
            if (!p.isEmpty()) {
                String uri = r.getAttributeNamespace(i);
                attributes.putIfAbsent("xmlns:" + p, text(uri));
            }
        }
        StringBuilder textContent = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    charge(r.getTextLength());
                    textContent.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(ns, prefix, local, attributes, textContent.toString().strip(), children);
                }
                default -> {
                    // comments and processing instructions are not kept
                }
            }
        }
    }

    /** The remaining budget, for the next tree. */
    long remainingBudget() {
        return budget;
    }

    private void charge(long chars) {
        budget -= chars;
        if (budget < 0) {
            throw new EdXmlFormatException("", "the package header holds more text than the limit "
                    + "(EdXmlReadOptions.maxHeaderChars)", null);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
