package vn.egov.sdk.core.xml;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A document's bytes are not text in its encoding (invalid UTF-8, a non-ASCII byte in a US-ASCII document), or the
 * encoding is one the SDK does not accept (UTF-32, EBCDIC). Found before the XML parser reads the bytes.
 */
public class XmlEncodingException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param why what is wrong and where, e.g. "invalid UTF-8 at byte 17 (0xC3 0x28)"
     */
    public XmlEncodingException(String why) {
        super("the document is not acceptable XML: " + why, ErrorDetails.of(Fault.VERIFICATION, false), null);
    }
}
