package vn.egov.sdk.dossier;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * A dossier record's wire form could not be read: not JSON, truncated, too large or too deeply nested, a field given
 * twice, a field of the wrong JSON type, or a malformed date or flag. Says where ({@link #path()}, for example
 * {@code Dossier.DanhSachLePhi[2].Gia}, or the record's name for the input as a whole) and which rule
 * ({@link #rule()}). The message never repeats a field's value (dossiers carry personal data).
 */
public class DossierFormatException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** Where the input is at fault. */
    private final String path;
    /** The stable rule code. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param path where the input is at fault, for example {@code Dossier.NgayHenTra}
     * @param rule a stable rule code, for example {@code json.malformed}, {@code field.wrongType}
     * @param message why, in words
     * @param cause the underlying error, or {@code null}
     */
    public DossierFormatException(String path, String rule, String message, Throwable cause) {
        super((path == null ? "" : path) + ": " + message + " (" + rule + ")",
                ErrorDetails.of(Fault.VERIFICATION, false), cause);
        this.path = path == null ? "" : path;
        this.rule = rule == null ? "" : rule;
    }

    /**
     * Where the input is at fault.
     *
     * @return the path, for example {@code Dossier.DanhSachLePhi[2].Gia}
     */
    public String path() {
        return path;
    }

    /**
     * The rule that was broken, safe to switch on.
     *
     * @return a code such as {@code json.malformed}, {@code json.truncated}, {@code json.tooLarge},
     *     {@code json.tooDeep}, {@code json.duplicateField}, {@code json.notObject}, {@code json.notArray},
     *     {@code field.wrongType},
     *     {@code date.malformed}, {@code flag.malformed}
     */
    public String rule() {
        return rule;
    }
}
