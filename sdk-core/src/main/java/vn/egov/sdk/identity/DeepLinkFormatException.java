package vn.egov.sdk.identity;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A query that claims to be a deep link from the national public-service portal could not be read: a deep-link
 * parameter given twice, a value or the whole query too long, a broken percent-encoding or UTF-8 sequence, or a
 * control character in a value. Says which parameter ({@link #parameter()}, empty for the query as a whole) and
 * which rule ({@link #rule()}); never repeats the value.
 */
public class DeepLinkFormatException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** The parameter at fault, or empty text. */
    private final String parameter;
    /** The stable rule code. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param parameter the parameter at fault (for example {@code MaDVC}), or empty text for the whole query
     * @param rule a stable rule code, for example {@code duplicate}, {@code tooLong}, {@code encoding},
     *     {@code control}
     * @param message why, in words a vendor can act on
     */
    public DeepLinkFormatException(String parameter, String rule, String message) {
        super("DVCQG deep link" + (parameter == null || parameter.isEmpty() ? "" : " parameter " + parameter)
                + ": " + message + " (" + rule + ")", ErrorDetails.of(Fault.VERIFICATION, false), null);
        this.parameter = parameter == null ? "" : parameter;
        this.rule = rule == null ? "" : rule;
    }

    /**
     * The parameter at fault.
     *
     * @return its name as the SDK knows it ({@code vnconnect}, {@code MaTTHCDP}, {@code MaCoQuanThucHien},
     *     {@code MaDVC}), or empty text when the query as a whole is at fault
     */
    public String parameter() {
        return parameter;
    }

    /**
     * The rule that was broken, safe to switch on.
     *
     * @return {@code duplicate}, {@code tooLong}, {@code tooMany}, {@code encoding} or {@code control}
     */
    public String rule() {
        return rule;
    }
}
