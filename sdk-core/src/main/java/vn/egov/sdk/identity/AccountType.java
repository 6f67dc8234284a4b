package vn.egov.sdk.identity;

import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The kind of national SSO account ({@code loại tài khoản}, claim {@code LoaiTaiKhoan}): a citizen ({@code 1}), an
 * enterprise ({@code 2}) or an organisation ({@code 3}). Open to codes the SDK does not know yet: such a code is
 * kept as given ({@link #known()} is {@code false}), never refused, so a new account kind does not break logins.
 */
public final class AccountType {
    /** A citizen or other person ({@code cá nhân / công dân}), code {@code 1}. */
    public static final AccountType CITIZEN = new AccountType("1", "CITIZEN");
    /** An enterprise ({@code doanh nghiệp}), code {@code 2}. */
    public static final AccountType ENTERPRISE = new AccountType("2", "ENTERPRISE");
    /** An organisation ({@code tổ chức}), code {@code 3}: mapped on {@code TechID} only. */
    public static final AccountType ORGANISATION = new AccountType("3", "ORGANISATION");
    /** No {@code LoaiTaiKhoan} claim was given; code empty text. */
    public static final AccountType UNSPECIFIED = new AccountType("", "UNSPECIFIED");

    private final String code;
    private final String name;

    private AccountType(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * The account type of a code. Surrounding white space and leading zeros of a number are ignored ({@code " 01"}
     * is {@link #CITIZEN}); blank text is {@link #UNSPECIFIED}; any other code is kept as an unknown type.
     *
     * @param code the {@code LoaiTaiKhoan} code as text; required
     * @return the account type
     */
    public static AccountType of(String code) {
        String c = ValidationException.requireNonNull(code, "AccountType.code").strip();
        if (c.matches("[0-9]{1,9}")) {
            c = Integer.toString(Integer.parseInt(c));
        }
        switch (c) {
            case "":
                return UNSPECIFIED;
            case "1":
                return CITIZEN;
            case "2":
                return ENTERPRISE;
            case "3":
                return ORGANISATION;
            default:
                if (c.length() > 64) {
                    throw ValidationException.of("tooLong", "AccountType.code",
                            "an account type code has at most 64 characters, " + c.length() + " given");
                }
                return new AccountType(c, "UNKNOWN");
        }
    }

    /**
     * The account type of a numeric code.
     *
     * @param code the {@code LoaiTaiKhoan} number
     * @return the account type
     */
    public static AccountType of(int code) {
        return of(Integer.toString(code));
    }

    /**
     * The code as sent on the wire, normalised (numbers without leading zeros).
     *
     * @return the code; empty text for {@link #UNSPECIFIED}
     */
    public String code() {
        return code;
    }

    /**
     * The code as a number, when it is one.
     *
     * @return the number, or empty for {@link #UNSPECIFIED} and for a code that is not a number
     */
    public Optional<Integer> number() {
        return code.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(code)) : Optional.empty();
    }

    /**
     * Whether this is one of the three types the SDK knows (citizen, enterprise, organisation).
     *
     * @return {@code true} for {@link #CITIZEN}, {@link #ENTERPRISE} and {@link #ORGANISATION}
     */
    public boolean known() {
        return this == CITIZEN || this == ENTERPRISE || this == ORGANISATION;
    }

    /**
     * A name for logs: {@code CITIZEN}, {@code ENTERPRISE}, {@code ORGANISATION}, {@code UNSPECIFIED} or
     * {@code UNKNOWN}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountType && ((AccountType) o).code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
