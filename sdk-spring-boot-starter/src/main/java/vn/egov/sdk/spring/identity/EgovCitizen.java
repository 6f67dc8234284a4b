package vn.egov.sdk.spring.identity;

import java.security.Principal;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.identity.AccountKey;
import vn.egov.sdk.identity.AccountType;
import vn.egov.sdk.identity.DvcqgIdentity;
import vn.egov.sdk.identity.IdTokenVerification;

/**
 * The principal of a national SSO login: the typed {@link DvcqgIdentity} read from the provider (a citizen, an
 * enterprise or an organisation), with the account-mapping key. {@link #getName()} is the provider's subject
 * ({@code sub}), never an ID number; {@link #toString()} masks the ID numbers as {@link DvcqgIdentity} does and
 * holds no token.
 */
public final class EgovCitizen implements Principal {
    private final DvcqgIdentity identity;
    private final IdTokenVerification verification;

    /**
     * Creates the principal.
     *
     * @param identity the identity of the login
     * @param verification how the login's ID token was checked
     */
    public EgovCitizen(DvcqgIdentity identity, IdTokenVerification verification) {
        this.identity = java.util.Objects.requireNonNull(identity, "identity");
        this.verification = java.util.Objects.requireNonNull(verification, "verification");
    }

    /**
     * The provider's subject identifier ({@code sub}), stable for this account at this provider.
     *
     * @return the subject
     */
    @Override
    public String getName() {
        return identity.subject();
    }

    /**
     * The whole typed identity (every claim the provider sent).
     *
     * @return the identity
     */
    public DvcqgIdentity identity() {
        return identity;
    }

    /**
     * The key to map this login to the application's own account: TechID first, then the ID number or tax code
     * ({@link DvcqgIdentity#accountKey()}).
     *
     * @return the key; its {@code toString} masks, {@link AccountKey#qualified()} is in clear (do not log it)
     */
    public AccountKey accountKey() {
        return identity.accountKey();
    }

    /**
     * The account's type: citizen, enterprise, organisation, or another code.
     *
     * @return the type
     */
    public AccountType accountType() {
        return identity.accountType();
    }

    /**
     * The person's or the enterprise representative's full name ({@code HoVaTen}).
     *
     * @return the name, or empty
     */
    public Optional<String> fullName() {
        return identity.fullName();
    }

    /**
     * The 12-digit personal ID number ({@code SoDinhDanh}), in clear: do not log it.
     *
     * @return the number, or empty
     */
    public Optional<String> personalIdNumber() {
        return identity.personalIdNumber();
    }

    /**
     * The VNeID identity assurance level ({@code IAL}).
     *
     * @return the level, or empty
     */
    public OptionalInt ial() {
        return identity.ial();
    }

    /**
     * How the login's ID token was checked; {@link IdTokenVerification#SIGNATURE} with a JWKS.
     *
     * @return the verification
     */
    public IdTokenVerification verification() {
        return verification;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EgovCitizen other && identity.equals(other.identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    @Override
    public String toString() {
        return "EgovCitizen[" + identity + ", verification=" + verification + "]";
    }
}
