package vn.egov.sdk.edxml.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlNames;
import vn.egov.sdk.edxml.XmlElement;

/**
 * A read-only view of an {@link XmlElement} with its path ({@code MessageHeader.To[2]}), for mapping to the model:
 * finds edXML children by local name whatever their order, reads typed values, and hands back the children it
 * does not know.
 */
final class Node {
    private final XmlElement element;
    private final String path;

    Node(XmlElement element, String path) {
        this.element = element;
        this.path = path;
    }

    XmlElement element() {
        return element;
    }

    String path() {
        return path;
    }

    String text() {
        return element.text();
    }

    static boolean isEdXml(XmlElement e) {
        return e.namespace().equals(EdXmlNames.NAMESPACE);
    }

    /** The first edXML child of that name. */
    Optional<Node> child(String name) {
        for (XmlElement c : element.children()) {
            if (isEdXml(c) && c.localName().equals(name)) {
                return Optional.of(new Node(c, sub(name)));
            }
        }
        return Optional.empty();
    }

    /** The first edXML child of that name, required. */
    Node require(String name) {
        return child(name).orElseThrow(() -> new EdXmlFormatException(sub(name), "element is missing", null));
    }

    /** Every edXML child of that name, paths indexed from 1. */
    List<Node> children(String name) {
        List<Node> out = new ArrayList<>();
        for (XmlElement c : element.children()) {
            if (isEdXml(c) && c.localName().equals(name)) {
                out.add(new Node(c, sub(name) + "[" + (out.size() + 1) + "]"));
            }
        }
        return out;
    }

    /** The text of the first child of that name, "" if absent. */
    String text(String name) {
        return child(name).map(Node::text).orElse("");
    }

    /** The text of every child of that name. */
    List<String> texts(String name) {
        return children(name).stream().map(Node::text).toList();
    }

    /** A whole number, empty when absent or blank. */
    OptionalInt integer(String name) {
        Optional<Node> c = child(name);
        if (c.isEmpty() || c.get().text().isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(c.get().text().strip()));
        } catch (NumberFormatException e) {
            throw new EdXmlFormatException(c.get().path(), "must be a whole number, found '" + clip(c.get().text())
                    + "'", null);
        }
    }

    /** A {@code yyyy/MM/dd} date, empty when absent or blank. */
    Optional<LocalDate> date(String name) {
        Optional<Node> c = child(name);
        if (c.isEmpty() || c.get().text().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EdXmlDates.parseDate(c.get().text()));
        } catch (DateTimeParseException e) {
            throw new EdXmlFormatException(c.get().path(), "must be a date yyyy/MM/dd, found '"
                    + clip(c.get().text()) + "'", null);
        }
    }

    /** A {@code yyyy/MM/dd HH:mm:ss} timestamp, empty when absent or blank. */
    Optional<LocalDateTime> dateTime(String name) {
        Optional<Node> c = child(name);
        if (c.isEmpty() || c.get().text().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EdXmlDates.parseDateTime(c.get().text()));
        } catch (DateTimeParseException e) {
            throw new EdXmlFormatException(c.get().path(), "must be a timestamp yyyy/MM/dd HH:mm:ss, found '"
                    + clip(c.get().text()) + "'", null);
        }
    }

    /** {@code true}/{@code false} (or 1/0), empty when absent or blank. */
    Optional<Boolean> bool(String name) {
        Optional<Node> c = child(name);
        if (c.isEmpty() || c.get().text().isBlank()) {
            return Optional.empty();
        }
        String v = c.get().text().strip();
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return Optional.of(true);
        }
        if (v.equalsIgnoreCase("false") || v.equals("0")) {
            return Optional.of(false);
        }
        throw new EdXmlFormatException(c.get().path(), "must be true or false, found '" + clip(v) + "'", null);
    }

    /**
     * The children this mapping does not know (other names, or other namespaces), kept as they came; in strict
     * mode they are an error.
     */
    List<XmlElement> unknown(Set<String> known, boolean strict) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : element.children()) {
            if (!(isEdXml(c) && known.contains(c.localName()))) {
                if (strict) {
                    throw new EdXmlFormatException(sub(c.localName()), "unknown element (strict reading)", null);
                }
                out.add(c);
            }
        }
        return out;
    }

    private String sub(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
