package vn.egov.sdk.edxml;

import java.util.List;
import java.util.Map;
import vn.egov.sdk.edxml.internal.Values;

/**
 * An element kept as it came, for what the typed model does not know: extension elements of other senders, and the
 * package's {@code Signature}. Written back as it was read (namespace, prefix, attributes, text, children).
 *
 * @param namespace the namespace URI, "" for none
 * @param prefix the prefix it was written with, "" for none
 * @param localName the local name
 * @param attributes attributes by qualified name, in order; for a prefixed attribute the declaration of its prefix
 *        is kept too, as an {@code xmlns:p} entry (the element's own namespace declaration is derived, not kept)
 * @param text the element's own text, trimmed of surrounding white space (mixed content is not kept)
 * @param children the child elements, in order
 */
public record XmlElement(String namespace, String prefix, String localName, Map<String, String> attributes,
        String text, List<XmlElement> children) {
    /**
     * Normalises nulls.
     *
     * @param namespace the namespace URI, "" for none
     * @param prefix the prefix it was written with, "" for none
     * @param localName the local name
     * @param attributes attributes by qualified name, in order; for a prefixed attribute the declaration of its prefix
     *     is kept too, as an {@code xmlns:p} entry (the element's own namespace declaration is derived, not kept)
     * @param text the element's own text, trimmed of surrounding white space (mixed content is not kept)
     * @param children the child elements, in order
     */
    public XmlElement {
        namespace = Values.text(namespace);
        prefix = Values.text(prefix);
        localName = Values.text(localName);
        attributes = Values.attributes(attributes);
        text = Values.text(text);
        children = Values.list(children);
    }

    /**
     * A leaf element in the edXML namespace with the {@code edXML:} prefix.
     *
     * @param localName the element's local name
     * @param text its text content
     * @return an element without attributes or children
     */
    public static XmlElement edxml(String localName, String text) {
        return new XmlElement(EdXmlNames.NAMESPACE, EdXmlNames.PREFIX, localName, Map.of(), text, List.of());
    }
}
