package vn.egov.sdk.dossier;

import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;

/**
 * The shape a dossier code ({@code MaHoSo}) must have. The national portal is understood to expect codes that start
 * with the receiving agency's identifier, which carries the province ({@code H56} in {@code 000.00.12.H56}), as in
 * {@code 000.00.12.H56-241205-00001}; this is an inference from integrators' code, not a published rule, so it can be
 * replaced here.
 */
public final class DossierCodeRule {
    private static final String AGENCY = "(?:[0-9A-Za-z]+\\.)*";
    private static final String TAIL = "(?:\\.[0-9A-Za-z]+)*-[0-9A-Za-z][0-9A-Za-z._-]*";

    private final Pattern pattern;
    private final String description;

    private DossierCodeRule(Pattern pattern, String description) {
        this.pattern = pattern;
        this.description = description;
    }

    /**
     * The default: the first segment (before the first {@code -}) is an agency identifier holding a province
     * identifier ({@code H} and two digits) as one of its dot-separated parts.
     *
     * @return the rule
     */
    public static DossierCodeRule provincePrefixed() {
        return new DossierCodeRule(Pattern.compile(AGENCY + "H\\d{2}" + TAIL),
                "an agency identifier holding the province (for example 000.00.12.H56-241205-00001)");
    }

    /**
     * Like {@link #provincePrefixed()}, for one province.
     *
     * @param province the province identifier, {@code H} and two digits, for example {@code H56}
     * @return the rule
     * @throws ValidationException when the province identifier is not {@code H} and two digits
     */
    public static DossierCodeRule provincePrefixed(String province) {
        String p = ValidationException.requireText(province, "DossierCodeRule.province");
        if (!p.matches("H\\d{2}")) {
            throw ValidationException.of("pattern", "DossierCodeRule.province",
                    "DossierCodeRule.province must be H and two digits, for example H56");
        }
        return new DossierCodeRule(Pattern.compile(AGENCY + p + TAIL),
                "an agency identifier of province " + p + " (for example 000.00.12." + p + "-241205-00001)");
    }

    /**
     * A rule of your own, for example from the operator's integration document.
     *
     * @param pattern the whole code must match it
     * @param description the rule in words, used in error messages
     * @return the rule
     * @throws ValidationException when an argument is {@code null} or the description blank
     */
    public static DossierCodeRule matching(Pattern pattern, String description) {
        return new DossierCodeRule(ValidationException.requireNonNull(pattern, "DossierCodeRule.pattern"),
                ValidationException.requireText(description, "DossierCodeRule.description"));
    }

    /**
     * No shape check (the code is still required).
     *
     * @return the rule
     */
    public static DossierCodeRule any() {
        return new DossierCodeRule(Pattern.compile("(?s).+"), "any text");
    }

    /**
     * Whether a code has the shape.
     *
     * @param code the code
     * @return {@code true} when it matches
     */
    public boolean accepts(String code) {
        return code != null && pattern.matcher(code).matches();
    }

    /**
     * The rule in words.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
