package vn.egov.sdk.identity;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A userinfo answer (or a claims map) could not be read as a national SSO identity: not JSON, truncated, not a
 * JSON object, too large or too deeply nested, a claim given twice, a required claim missing, or no claim to map
 * the account on. Says which claim ({@link #claim()}, empty for the input as a whole) and which rule
 * ({@link #rule()}). The message never repeats a claim's value (claims carry ID numbers).
 */
public class UserInfoFormatException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** The claim at fault, or empty text. */
    private final String claim;
    /** The stable rule code. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param claim the wire name of the claim at fault (for example {@code sub}), or empty text for the input as a
     *     whole
     * @param rule a stable rule code, for example {@code json.malformed}, {@code claim.required}
     * @param message why, in words a vendor can act on
     * @param cause the underlying error, or {@code null}
     */
    public UserInfoFormatException(String claim, String rule, String message, Throwable cause) {
        super(describe(claim, rule, message), ErrorDetails.of(Fault.VERIFICATION, false), cause);
        this.claim = claim == null ? "" : claim;
        this.rule = rule == null ? "" : rule;
    }

    private static String describe(String claim, String rule, String message) {
        return "userinfo" + (claim == null || claim.isEmpty() ? "" : " claim " + claim) + ": " + message
                + " (" + rule + ")";
    }

    /**
     * The claim at fault.
     *
     * @return its wire name (for example {@code LoaiTaiKhoan}), or empty text when the input as a whole is at fault
     */
    public String claim() {
        return claim;
    }

    /**
     * The rule that was broken, safe to switch on.
     *
     * @return a stable code such as {@code json.malformed}, {@code json.tooLarge}, {@code json.tooDeep},
     *     {@code json.duplicateClaim}, {@code json.notObject}, {@code claim.required}, {@code accountKey.missing}
     */
    public String rule() {
        return rule;
    }
}
