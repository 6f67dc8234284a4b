package vn.egov.sdk.signing.internal.xml;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Trace hops the axes append after a package was signed. Each hop ({@code TraceHeader}, and for a status package
 * possibly the whole {@code TraceHeaderList}) is routing data added in transit, so a whole-package signature no
 * longer matches. {@link #removeLast} takes the last one out of the DOM (with the indentation before it) so the
 * verifier can check whether the package matched before it; the report then names every hop so removed as not
 * covered by the signature.
 */
public final class TraceHops {
    private TraceHops() {
    }

    /**
     * Removes the last trace hop of the header.
     *
     * @return a description of the hop removed ({@code OrganId@Timestamp}), or empty when none is left
     */
    public static Optional<String> removeLast(Element header) {
        List<Element> lists = EdXmlDom.children(header, EdXmlDom.EDXML_NS, "TraceHeaderList");
        if (lists.isEmpty()) {
            return Optional.empty();
        }
        Element list = lists.get(lists.size() - 1);
        List<Element> hops = EdXmlDom.children(list, EdXmlDom.EDXML_NS, "TraceHeader");
        if (hops.isEmpty()) {
            if (EdXmlDom.children(list).isEmpty()) {
                remove(list);
                return Optional.of("(empty TraceHeaderList)");
            }
            return Optional.empty();
        }
        Element hop = hops.get(hops.size() - 1);
        String what = text(hop, "OrganId") + "@" + text(hop, "Timestamp");
        remove(hop);
        if (hops.size() == 1 && EdXmlDom.children(list).isEmpty()) {
            remove(list);
        }
        return Optional.of(what);
    }

    private static void remove(Element e) {
        Node before = e.getPreviousSibling();
        if (before instanceof Text t && t.getData().isBlank()) {
            e.getParentNode().removeChild(before);
        }
        e.getParentNode().removeChild(e);
    }

    private static String text(Element parent, String name) {
        List<Element> es = EdXmlDom.children(parent, EdXmlDom.EDXML_NS, name);
        return es.isEmpty() ? "?" : es.get(0).getTextContent().strip();
    }
}
