package vn.egov.sdk.edxml.internal;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.util.StreamReaderDelegate;
import vn.egov.sdk.core.xml.BoundedXmlReader;
import vn.egov.sdk.edxml.EdXmlFormatException;

/**
 * Counts the {@code ContentTransferEncoded} start elements the parser reports, in document order and wherever they
 * are, so that {@link Base64Bypass#divert} can check that the parser stands on the very element whose start tag the
 * delivered bytes end with. Every way forward is counted: {@link #next()}, and {@link #nextTag()} on the element it
 * stops at.
 */
final class ContentCounter extends StreamReaderDelegate {
    private final BoundedXmlReader bounded;
    private int contentStarts;

    ContentCounter(BoundedXmlReader reader) {
        super(reader);
        this.bounded = reader;
    }

    /** The reader underneath, for its limits. */
    BoundedXmlReader bounded() {
        return bounded;
    }

    /** How many {@code ContentTransferEncoded} start elements have been reported, the current one included. */
    int contentStarts() {
        return contentStarts;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT && AttachmentFields.CONTENT.equals(getLocalName())) {
            contentStarts++;
        }
        return event;
    }

    /**
     * The bounded reader's {@code nextTag} (which moves by its own {@code next}, so the one element it stops on is
     * counted here); text where an element belongs is the package's structure being wrong, not malformed XML.
     */
    @Override
    public int nextTag() throws XMLStreamException {
        int event;
        try {
            event = super.nextTag();
        } catch (XMLStreamException e) {
            int current = getEventType();
            if ((current == XMLStreamConstants.CHARACTERS || current == XMLStreamConstants.CDATA) && !isWhiteSpace()) {
                String text = getText().strip();
                throw new EdXmlFormatException("", "text \"" + (text.length() > 40 ? text.substring(0, 40) + "…"
                        : text) + "\" where an element was expected" + where(), e);
            }
            throw e;
        }
        if (event == XMLStreamConstants.START_ELEMENT && AttachmentFields.CONTENT.equals(getLocalName())) {
            contentStarts++;
        }
        return event;
    }

    private String where() {
        javax.xml.stream.Location l = getLocation();
        return l == null || l.getLineNumber() < 0 ? "" : " (near line " + l.getLineNumber() + ")";
    }

    @Override
    public String getElementText() {
        throw new UnsupportedOperationException("read text through next()");
    }
}
