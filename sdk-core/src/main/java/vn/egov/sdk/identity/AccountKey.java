package vn.egov.sdk.identity;

import java.util.Objects;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.Masks;

/**
 * The value a vendor stores to recognise a national SSO account at its next login, and which claim it came from.
 * Chosen by {@link DvcqgIdentity#accountKey()}; store {@link #kind()} with {@link #value()} (or
 * {@link #qualified()}), since the same digits under two kinds are two different keys.
 *
 * <p>{@link #toString()} masks the value: it is an ID number or a technical id.
 */
public final class AccountKey {
    /** Which claim the key came from. */
    public enum Kind {
        /** The stable DVCQG technical id ({@code TechID}): the preferred key. */
        TECH_ID("TechID"),
        /** The 12-digit personal ID number ({@code số định danh cá nhân}, claim {@code SoDinhDanh}). */
        PERSONAL_ID("SoDinhDanh"),
        /** The old 9-digit identity card number ({@code số CMND}, claim {@code SoCMND}). */
        OLD_ID_CARD("SoCMND"),
        /** The tax code ({@code mã số thuế}, claim {@code MaSoThue}). */
        TAX_CODE("MaSoThue"),
        /** The enterprise registration code ({@code mã số doanh nghiệp}, claim {@code MaSoDoanhNghiep}). */
        ENTERPRISE_CODE("MaSoDoanhNghiep");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /**
         * The userinfo claim this kind of key comes from.
         *
         * @return the wire name, for example {@code TechID}
         */
        public String wireName() {
            return wireName;
        }
    }

    private final Kind kind;
    private final String value;

    private AccountKey(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * A key.
     *
     * @param kind which claim it came from; required
     * @param value the claim's value; required, not blank
     * @return the key
     */
    public static AccountKey of(Kind kind, String value) {
        ValidationException.requireNonNull(kind, "AccountKey.kind");
        return new AccountKey(kind, ValidationException.requireText(value, "AccountKey.value").strip());
    }

    /**
     * Which claim the key came from.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The key's value, in clear (do not log it).
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * The kind and the value in one text, {@code <wire name>:<value>} (for example {@code TechID:3f2a…}), for a
     * vendor that keeps a single column.
     *
     * @return the qualified key, in clear (do not log it)
     */
    public String qualified() {
        return kind.wireName() + ":" + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountKey && ((AccountKey) o).kind == kind && ((AccountKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        String masked = kind == Kind.TECH_ID ? Masks.techId(value) : Masks.idNumber(value);
        return "AccountKey[" + kind.wireName() + "=" + masked + "]";
    }
}
