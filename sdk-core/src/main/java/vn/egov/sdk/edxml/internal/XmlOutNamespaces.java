package vn.egov.sdk.edxml.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The namespace bindings in scope while the writer is inside an element: one frame per open element, holding the
 * declarations written on it. {@code xml} is always bound; the default namespace is "" until declared.
 */
final class XmlOutNamespaces {
    /** The namespace the {@code xml} prefix is bound to by definition. */
    static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    /** The namespace of namespace declarations. */
    static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

    private final List<String> prefixes = new ArrayList<>();
    private final List<String> uris = new ArrayList<>();
    private int[] frameStarts = new int[32];
    private int depth;

    /** Opens the frame of a new element. */
    void push() {
        if (depth == frameStarts.length) {
            frameStarts = java.util.Arrays.copyOf(frameStarts, depth * 2);
        }
        frameStarts[depth++] = prefixes.size();
    }

    /** Closes the frame of the element just ended, dropping its declarations. */
    void pop() {
        int start = frameStarts[--depth];
        for (int i = prefixes.size() - 1; i >= start; i--) {
            prefixes.remove(i);
            uris.remove(i);
        }
    }

    /** Records a declaration written on the current element ("" for the default namespace). */
    void bind(String prefix, String uri) {
        prefixes.add(prefix);
        uris.add(uri);
    }

    /**
     * The namespace a prefix stands for here: "" for an undeclared default namespace, {@code null} for an
     * undeclared prefix.
     */
    String uriOf(String prefix) {
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            if (prefixes.get(i).equals(prefix)) {
                return uris.get(i);
            }
        }
        if (prefix.isEmpty()) {
            return "";
        }
        return prefix.equals("xml") ? XML_NAMESPACE : null;
    }
}
