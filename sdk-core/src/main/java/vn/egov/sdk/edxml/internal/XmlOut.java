package vn.egov.sdk.edxml.internal;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.OptionalInt;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXmlNames;

/**
 * A streaming, pretty-printing XML writer for edXML: one element per line, two spaces of indentation per level, LF
 * line ends, leaf elements on one line ({@code <a>text</a>}, an empty one as {@code <a></a>}). It tracks the
 * namespaces in scope and the path of the current element ({@code MessageHeader.To[1].OrganName}) so that a
 * character XML 1.0 does not allow is reported as a {@link ValidationException} naming where it is.
 *
 * <p>Elements opened with a {@code null} label (the root, envelope, header and body) are left out of paths.
 */
final class XmlOut {
    private final XmlOutBuffer buffer;
    private final XmlOutNamespaces namespaces = new XmlOutNamespaces();
    private String[] qnames = new String[32];
    private String[] labels = new String[32];
    private boolean[] hasChildren = new boolean[32];
    private int depth;
    private boolean tagOpen;

    /** @param out where the bytes go; flushed by {@link #finish()}, never closed */
    XmlOut(OutputStream out) {
        this.buffer = new XmlOutBuffer(out);
    }

    /** Writes the XML declaration and a line end. */
    void prolog() {
        buffer.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /**
     * Opens an element on a new line; attributes and namespace declarations may follow until content is written.
     *
     * @param prefix its prefix, "" for none (checked by the caller)
     * @param local its local name (checked by the caller)
     * @param label how it appears in paths, {@code null} to leave it out
     */
    void start(String prefix, String local, String label) {
        if (depth > 0) {
            closeStartTag();
            hasChildren[depth - 1] = true;
            buffer.ascii('\n');
            buffer.spaces(2 * depth);
        }
        String qname = prefix.isEmpty() ? local : prefix + ":" + local;
        buffer.ascii('<');
        buffer.write(qname, XmlOutBuffer.Escape.NONE);
        push(qname, label);
        namespaces.push();
        tagOpen = true;
    }

    /** Opens an {@code edXML:}-prefixed element. */
    void startEd(String local) {
        start(EdXmlNames.PREFIX, local, local);
    }

    /** Opens an {@code edXML:}-prefixed element that is one of a list; {@code index} from 0, paths count from 1. */
    void startEd(String local, int index) {
        start(EdXmlNames.PREFIX, local, local + "[" + (index + 1) + "]");
    }

    /** Declares a namespace on the element just opened ({@code prefix} "" for the default namespace). */
    void namespace(String prefix, String uri) {
        attribute(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
        namespaces.bind(prefix, uri);
    }

    /** Writes an attribute of the element just opened (name checked by the caller, value escaped). */
    void attribute(String qname, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("attribute " + qname + " after the start tag was closed");
        }
        buffer.ascii(' ');
        buffer.write(qname, XmlOutBuffer.Escape.NONE);
        buffer.ascii("=\"");
        check(buffer.write(value, XmlOutBuffer.Escape.ATTRIBUTE), value, "@" + qname);
        buffer.ascii('"');
    }

    /** Writes escaped text content of the current element. */
    void text(String value) {
        closeStartTag();
        check(buffer.write(value, XmlOutBuffer.Escape.TEXT), value, "");
    }

    /** Closes the current element: on its own line when it has child elements, else on the line it opened. */
    void end() {
        depth--;
        String qname = qnames[depth];
        if (tagOpen) {
            buffer.ascii('>');
            tagOpen = false;
        } else if (hasChildren[depth]) {
            buffer.ascii('\n');
            buffer.spaces(2 * depth);
        }
        buffer.ascii("</");
        buffer.write(qname, XmlOutBuffer.Escape.NONE);
        buffer.ascii('>');
        namespaces.pop();
    }

    /** An {@code edXML:} element holding text. */
    void leafEd(String local, String text) {
        startEd(local);
        text(text);
        end();
    }

    /** An {@code edXML:} element of a list holding text. */
    void leafEd(String local, int index, String text) {
        startEd(local, index);
        text(text);
        end();
    }

    /** An {@code edXML:} element holding a number, left out when the number is absent. */
    void leafEd(String local, OptionalInt value) {
        if (value.isPresent()) {
            leafEd(local, Integer.toString(value.getAsInt()));
        }
    }

    /** Ends the start tag of the current element so that raw content ({@link #raw}) can follow. */
    void beginRaw() {
        closeStartTag();
    }

    /** Writes bytes that are already valid content (ASCII base64) straight through. */
    void raw(byte[] bytes, int off, int len) {
        buffer.raw(bytes, off, len);
    }

    /** Ends the document with a line end and flushes everything to the stream. */
    void finish() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " element(s) still open");
        }
        buffer.ascii('\n');
        buffer.flush();
    }

    /** The namespaces in scope (after the declarations written on the element just opened). */
    XmlOutNamespaces namespaces() {
        return namespaces;
    }

    /** The path of the current element, {@code MessageHeader.From.OrganName} style. */
    String path() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (labels[i] != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(labels[i]);
            }
        }
        return s.toString();
    }

    /** The path of a child of the current element. */
    String path(String childLabel) {
        String p = path();
        return p.isEmpty() ? childLabel : p + "." + childLabel;
    }

    private void closeStartTag() {
        if (tagOpen) {
            buffer.ascii('>');
            tagOpen = false;
        }
    }

    private void push(String qname, String label) {
        if (depth == qnames.length) {
            qnames = Arrays.copyOf(qnames, depth * 2);
            labels = Arrays.copyOf(labels, depth * 2);
            hasChildren = Arrays.copyOf(hasChildren, depth * 2);
        }
        qnames[depth] = qname;
        labels[depth] = label;
        hasChildren[depth] = false;
        depth++;
    }

    private void check(int badIndex, String value, String suffix) {
        if (badIndex != XmlOutBuffer.OK) {
            throw ValidationException.of("edxml.xml.char", path() + suffix, describe(value, badIndex));
        }
    }

    private static String describe(String value, int i) {
        char c = value.charAt(i);
        String what = Character.isSurrogate(c) ? "an unpaired surrogate" : "the character";
        return String.format("%s U+%04X at position %d is not allowed in XML 1.0", what, (int) c, i);
    }
}
