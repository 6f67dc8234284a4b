package vn.egov.sdk.core.xml;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A document broke one of its reader's {@link XmlLimits}: refused before it could cost more memory or time. Names
 * the limit ({@link #limit()}, the name of the {@link XmlLimits} accessor) and its value, and where the reader was.
 */
public class XmlLimitException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** The name of the {@link XmlLimits} accessor of the broken limit. */
    private final String limit;
    /** The configured value of that limit. */
    private final long value;

    /**
     * Creates the exception.
     *
     * @param limit the accessor name of the limit, e.g. {@code maxElements}
     * @param value the configured value of that limit
     * @param what what the document holds, e.g. "more than 50000 elements"
     * @param where where the reader was, e.g. " (line 3, column 7)", or ""
     */
    public XmlLimitException(String limit, long value, String what, String where) {
        super("the document holds " + what + where + ", over the limit XmlLimits." + limit + " = " + value,
                ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.limit = limit;
        this.value = value;
    }

    /**
     * The limit that was broken: the name of its {@link XmlLimits} accessor.
     *
     * @return for example {@code maxElements}
     */
    public String limit() {
        return limit;
    }

    /**
     * The configured value of that limit.
     *
     * @return the value
     */
    public long value() {
        return value;
    }
}
