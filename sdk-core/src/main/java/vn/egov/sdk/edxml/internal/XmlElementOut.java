package vn.egov.sdk.edxml.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.XmlElement;

/**
 * Writes {@link XmlElement}s (extension elements, the signature) with their own prefix and namespace, and the
 * attribute maps of the model (keyed by qualified name). A namespace is declared on an element exactly when the
 * element's prefix is not already bound to its namespace in scope; map entries {@code xmlns:p} are declarations
 * written as given; an attribute prefix that nothing declares is declared when it is a well-known one
 * ({@code xlink}, {@code xsi}, {@code SOAP-ENV}) and refused otherwise. An entry {@code xmlns} is dropped: the
 * default namespace follows from the elements' own namespaces.
 */
final class XmlElementOut {
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "xlink", "http://www.w3.org/1999/xlink",
            "xsi", "http://www.w3.org/2001/XMLSchema-instance",
            "SOAP-ENV", "http://schemas.xmlsoap.org/soap/envelope/");

    private final XmlOut out;

    /** @param out the writer the elements go to */
    XmlElementOut(XmlOut out) {
        this.out = out;
    }

    /** Writes an element and everything below it. */
    void write(XmlElement e) {
        String label = e.localName();
        String prefix = e.prefix();
        String ns = e.namespace();
        if (!XmlOutNames.isNcName(e.localName())) {
            throw invalid("edxml.xml.name", out.path(label.isEmpty() ? "?" : label),
                    "'" + e.localName() + "' is not an XML element name");
        }
        checkElementNamespace(prefix, ns, out.path(label));
        out.start(prefix, e.localName(), label);
        boolean declare = !prefix.equals("xml") && !ns.equals(out.namespaces().uriOf(prefix));
        attributes(e.attributes(), prefix, ns, declare);
        if (!e.text().isEmpty()) {
            out.text(e.text());
        }
        for (XmlElement child : e.children()) {
            write(child);
        }
        out.end();
    }

    /**
     * Writes the namespace declarations and attributes of the element just opened.
     *
     * @param attributes by qualified name; {@code xmlns:p} entries are declarations
     * @param elementPrefix the element's prefix, "" for none
     * @param elementNamespace the element's namespace
     * @param declare whether the element's own namespace must be declared on it
     */
    void attributes(Map<String, String> attributes, String elementPrefix, String elementNamespace, boolean declare) {
        Map<String, String> declarations = new LinkedHashMap<>();
        if (declare) {
            declarations.put(elementPrefix, elementNamespace);
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String name = checkedName(a.getKey(), a.getValue());
            if (name.startsWith("xmlns:")) {
                declaration(declarations, name.substring(6), a.getValue(), elementPrefix, elementNamespace);
            }
        }
        for (String name : attributes.keySet()) {
            String p = XmlOutNames.prefixOf(name);
            if (!p.isEmpty() && !p.equals("xmlns") && !declarations.containsKey(p)
                    && out.namespaces().uriOf(p) == null) {
                String known = WELL_KNOWN.get(p);
                if (known == null) {
                    throw invalid("edxml.xml.namespace", out.path() + "@" + name, "the prefix '" + p
                            + "' is not declared; add an entry xmlns:" + p + " with its namespace");
                }
                declarations.put(p, known);
            }
        }
        declarations.forEach(out::namespace);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String name = a.getKey();
            if (!name.equals("xmlns") && !name.startsWith("xmlns:")) {
                out.attribute(name, a.getValue());
            }
        }
    }

    private void declaration(Map<String, String> declarations, String p, String uri, String elementPrefix,
            String elementNamespace) {
        String where = out.path() + "@xmlns:" + p;
        if (p.equals("xmlns") || uri.isEmpty()
                || p.equals("xml") != uri.equals(XmlOutNamespaces.XML_NAMESPACE)
                || uri.equals(XmlOutNamespaces.XMLNS_NAMESPACE)) {
            throw invalid("edxml.xml.namespace", where, "'" + uri + "' cannot be declared for the prefix '" + p
                    + "'");
        }
        if (p.equals(elementPrefix) && !uri.equals(elementNamespace)) {
            throw invalid("edxml.xml.namespace", where, "the element's own prefix is bound to '" + elementNamespace
                    + "', not '" + uri + "'");
        }
        if (!p.equals("xml")) {
            declarations.put(p, uri);
        }
    }

    private String checkedName(String name, String value) {
        if (name == null || !XmlOutNames.isQName(name) && !name.equals("xmlns")) {
            throw invalid("edxml.xml.name", out.path() + "@" + name, "'" + name + "' is not an XML attribute name");
        }
        if (value == null) {
            throw invalid("edxml.xml.value", out.path() + "@" + name, "the attribute has no value");
        }
        return name;
    }

    private static void checkElementNamespace(String prefix, String ns, String path) {
        if (!prefix.isEmpty() && !XmlOutNames.isNcName(prefix)) {
            throw invalid("edxml.xml.name", path, "'" + prefix + "' is not an XML prefix");
        }
        if (prefix.equals("xmlns") || ns.equals(XmlOutNamespaces.XMLNS_NAMESPACE)
                || prefix.equals("xml") != ns.equals(XmlOutNamespaces.XML_NAMESPACE)) {
            throw invalid("edxml.xml.namespace", path, "the prefix '" + prefix + "' cannot stand for '" + ns + "'");
        }
        if (!prefix.isEmpty() && ns.isEmpty()) {
            throw invalid("edxml.xml.namespace", path, "the prefix '" + prefix + "' needs a namespace");
        }
    }

    private static ValidationException invalid(String code, String path, String message) {
        return ValidationException.of(code, path, message);
    }
}
