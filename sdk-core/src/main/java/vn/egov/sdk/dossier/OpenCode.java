package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import vn.egov.sdk.core.ValidationException;

/**
 * A national code value open to codes this SDK does not know: a wire code and, for a known code, a stable English
 * key. The shared part of {@link DossierStatus}, {@link SubjectType}, {@link DeliveryMethod} and
 * {@link SubmissionChannel}, whose {@code of(String)} keeps an unknown code as given instead of failing, so a new
 * national code never breaks reading. Two values are equal when they are of the same type and have the same code.
 */
public abstract class OpenCode {
    private final String wireName;
    private final String code;
    private final String key;

    OpenCode(String wireName, String code, String key) {
        this.wireName = wireName;
        this.code = code;
        this.key = key;
    }

    /** The known value with the code, or an unknown value made by {@code unknown}; null or blank is refused. */
    static <T extends OpenCode> T lookup(List<T> known, String code, String field, Function<String, T> unknown) {
        String c = ValidationException.requireText(code, field).strip();
        for (T value : known) {
            if (value.code().equals(c)) {
                return value;
            }
        }
        return unknown.apply(c);
    }

    /**
     * The wire code.
     *
     * @return the code, for example {@code "0"}
     */
    public final String code() {
        return code;
    }

    /**
     * The stable English key of a known code.
     *
     * @return the key, for example {@code "processing"}, or empty text for an unknown code
     */
    public final String key() {
        return key;
    }

    /**
     * Whether this SDK knows the code.
     *
     * @return {@code true} for one of the type's {@code known()} values
     */
    public final boolean isKnown() {
        return !key.isEmpty();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && code.equals(((OpenCode) o).code);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public final String toString() {
        return key.isEmpty() ? wireName + "(" + code + ")" : key + "(" + code + ")";
    }
}
