package vn.egov.sdk.core.xml;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A hardened StAX reader that enforces {@link XmlLimits} as it goes, event by event, and refuses any DTD and entity
 * reference. Get one from {@link SecureXml#createStreamReader(java.io.InputStream, XmlLimits)}. Every way of moving
 * forward ({@link #next()}, {@link #nextTag()}, {@link #getElementText()}) is counted; a broken limit is an
 * {@link XmlLimitException} (unchecked) thrown by the call that met it, before the parser reads further.
 *
 * <p>A reader that streams some element's text elsewhere instead of keeping it (attachment content, for example)
 * calls {@link #excludeTextOfCurrentElement()} on that element's start tag: its own text then does not count
 * against {@link XmlLimits#maxTextChars()} (its attributes and any child elements still do).
 *
 * <p>Not thread-safe, like every StAX reader.
 */
public final class BoundedXmlReader extends StreamReaderDelegate {
    private final XmlLimits limits;
    private int depth;
    private int elements;
    private int namespacesInScope;
    private int nodes;
    private long textChars;
    private long nameChars;
    /** The distinct names met so far (the parser keeps each in its symbol table), counted once each. */
    private final Set<String> names = new HashSet<>();
    /** Per open element: namespace declarations it made, and whether its text is excluded (sign bit). */
    private int[] frames = new int[16];

    BoundedXmlReader(XMLStreamReader reader, XmlLimits limits) {
        super(reader);
        this.limits = limits;
    }

    /**
     * The limits this reader enforces.
     *
     * @return the limits given when the reader was created
     */
    public XmlLimits limits() {
        return limits;
    }

    /**
     * Elements started so far.
     *
     * @return the number of elements started so far
     */
    public int elementCount() {
        return elements;
    }

    /**
     * Characters of counted text so far.
     *
     * @return the number of text characters counted so far
     */
    public long textCharCount() {
        return textChars;
    }

    /**
     * Stops counting the text directly inside the element whose start tag the reader is on, until its end tag.
     *
     * @throws IllegalStateException if the reader is not on a start tag
     */
    public void excludeTextOfCurrentElement() {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new IllegalStateException("not on a start tag");
        }
        frames[depth - 1] |= Integer.MIN_VALUE;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> started();
            case XMLStreamConstants.END_ELEMENT -> ended();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (depth == 0 || frames[depth - 1] >= 0) {
                    text(getTextLength());
                }
            }
            case XMLStreamConstants.COMMENT -> {
                node(1);
                if (depth == 0 || frames[depth - 1] >= 0) {
                    text(getTextLength());
                }
            }
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                node(1);
                name(getPITarget());
                text(length(getPITarget()) + length(getPIData()));
            }
            case XMLStreamConstants.DTD -> throw new XMLStreamException("a DTD (<!DOCTYPE …>) is not allowed",
                    getLocation());
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                    "entity reference '" + getLocalName() + "' is not allowed", getLocation());
            default -> {
                // START_DOCUMENT, END_DOCUMENT, ATTRIBUTE, NAMESPACE: nothing to count
            }
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.SPACE, XMLStreamConstants.COMMENT,
                        XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as nextTag does
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!isWhiteSpace()) {
                        throw new XMLStreamException("text where a start or end tag was expected", getLocation());
                    }
                }
                default -> throw new XMLStreamException("a start or end tag was expected", getLocation());
            }
        }
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not on a start tag", getLocation());
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(getTextCharacters(), getTextStart(), getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // not text
                }
                default -> throw new XMLStreamException("the element holds more than text", getLocation());
            }
        }
    }

    private void started() {
        if (++elements > limits.maxElements()) {
            throw broken("maxElements", limits.maxElements(), "more than " + limits.maxElements() + " elements");
        }
        if (depth + 1 > limits.maxDepth()) {
            throw broken("maxDepth", limits.maxDepth(), "elements nested deeper than " + limits.maxDepth()
                    + " levels");
        }
        int declared = getNamespaceCount();
        int attributes = getAttributeCount();
        if (attributes + declared > limits.maxAttributesPerElement()) {
            throw broken("maxAttributesPerElement", limits.maxAttributesPerElement(), "an element with "
                    + (attributes + declared) + " attributes and namespace declarations");
        }
        namespacesInScope += declared;
        if (namespacesInScope > limits.maxNamespaceDeclarations()) {
            throw broken("maxNamespaceDeclarations", limits.maxNamespaceDeclarations(), "more than "
                    + limits.maxNamespaceDeclarations() + " namespace declarations in scope");
        }
        node(1 + attributes + declared);
        name(getLocalName());
        name(getPrefix());
        for (int i = 0; i < attributes; i++) {
            name(getAttributeLocalName(i));
            name(getAttributePrefix(i));
        }
        for (int i = 0; i < declared; i++) {
            name(getNamespacePrefix(i));
        }
        long chars = 0;
        for (int i = 0; i < attributes; i++) {
            chars += length(getAttributeValue(i));
        }
        for (int i = 0; i < declared; i++) {
            chars += length(getNamespaceURI(i));
        }
        text(chars);
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = declared;
    }

    private void ended() {
        if (depth > 0) {
            namespacesInScope -= frames[--depth] & Integer.MAX_VALUE;
        }
    }

    private void node(int count) {
        nodes += count;
        if (nodes > limits.maxNodes()) {
            throw broken("maxNodes", limits.maxNodes(), "more than " + limits.maxNodes()
                    + " nodes (elements, attributes, namespace declarations, comments, processing instructions)");
        }
    }

    private void name(String name) {
        if (name != null && !name.isEmpty() && names.add(name)) {
            nameChars += name.length();
            if (nameChars > limits.maxTextChars()) {
                throw broken("maxTextChars", limits.maxTextChars(), "more than " + limits.maxTextChars()
                        + " characters of distinct names");
            }
        }
    }

    private void text(long chars) {
        textChars += chars;
        if (textChars > limits.maxTextChars()) {
            throw broken("maxTextChars", limits.maxTextChars(), "more than " + limits.maxTextChars()
                    + " characters of text");
        }
    }

    private XmlLimitException broken(String limit, long value, String what) {
        Location l = getLocation();
        String where = l == null || l.getLineNumber() < 0 ? ""
                : " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")";
        return new XmlLimitException(limit, value, what, where);
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }
}
