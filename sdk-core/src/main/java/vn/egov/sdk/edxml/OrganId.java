package vn.egov.sdk.edxml;

import java.util.Objects;
import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;

/**
 * An agency identifier (mã định danh cơ quan, {@code OrganId}), {@code V1V2V3.Z1Z2.Y1Y2.MX1X2} per QCVN 102 /
 * QĐ 20/2020: level 4 (3 digits), level 3 (2 digits), level 2 (2 digits), level 1 (a letter and 2 digits),
 * for example {@code 000.00.00.G22} (Văn phòng Chính phủ).
 *
 * <p>Lenient: real traffic carries ids that do not follow the pattern ({@code 28.22.H17}, system ids such as
 * {@code vxp.saas.03}); such an id is kept as it came and {@link #isConforming()} is {@code false}, so a validator
 * can warn instead of rejecting. Equality is by the exact value.
 */
public final class OrganId {
    private static final Pattern PATTERN = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");

    private final String value;

    private OrganId(String value) {
        this.value = value;
    }

    /**
     * An organ id, conforming or not (leading and trailing white space removed).
     *
     * @param value the id as written; empty when a package names none
     * @return the id
     * @throws ValidationException if {@code value} is {@code null}
     */
    public static OrganId of(String value) {
        return new OrganId(ValidationException.requireNonNull(value, "OrganId.value").strip());
    }

    /**
     * The id as written.
     *
     * @return the id text, trimmed
     */
    public String value() {
        return value;
    }

    /**
     * Whether the id follows {@code DDD.DD.DD.XDD}.
     *
     * @return {@code true} if the id matches {@code DDD.DD.DD.XDD}
     */
    public boolean isConforming() {
        return PATTERN.matcher(value).matches();
    }

    /**
     * Whether the id is empty.
     *
     * @return {@code true} if the id text is empty
     */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * The level-1 code ({@code G22}, {@code H41}) of a conforming id, else "".
     *
     * @return the last part of a conforming id, or an empty string
     */
    public String level1() {
        return isConforming() ? value.substring(10) : "";
    }

    /**
     * Whether this is a level-1 agency (ministry, province): a conforming id with {@code 000.00.00.} in front.
     *
     * @return {@code true} for a conforming id starting with {@code 000.00.00.}
     */
    public boolean isLevel1() {
        return isConforming() && value.startsWith("000.00.00.");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
