package vn.egov.sdk.edxml;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * The bytes are not an acceptable edXML package: not XML, truncated, a DTD, the wrong namespace, invalid base64, a
 * value that cannot be read, a limit exceeded. Says where ({@link #path()}, line and column when known) and why.
 */
public class EdXmlFormatException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Where in the package the problem is. */
    private final String path;

    /**
     * @param path where in the package, {@code MessageHeader.From.OrganId} style ("" for the whole input)
     * @param message why, in words a vendor can act on
     * @param cause the underlying error, or {@code null}
     */
    public EdXmlFormatException(String path, String message, Throwable cause) {
        super("edXML package" + (path.isEmpty() ? "" : " at " + path) + ": " + message,
                ErrorDetails.of(Fault.VERIFICATION, false), cause);
        this.path = path;
    }

    /**
     * Where in the package the problem is.
     *
     * @return a path in {@code MessageHeader.From.OrganId} style, or an empty string when the input as a whole
     *     is at fault
     */
    public String path() {
        return path;
    }
}
