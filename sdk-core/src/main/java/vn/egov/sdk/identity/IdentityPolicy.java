package vn.egov.sdk.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.Masks;

/**
 * What a vendor requires of an identity before letting it in: a minimum identity level (a 2025 national spec
 * requires level 2, {@code định danh mức 2}, for VNeID logins), the allowed account types, and the identity provider
 * the login must have come through (for example {@code BCA}, VNeID). An empty policy allows every identity.
 *
 * <p>Immutable and thread-safe. Example: {@code IdentityPolicy.builder().minimumIal(2).build().check(identity)}.
 */
public final class IdentityPolicy {
    private final int minimumIal;
    private final Set<AccountType> accountTypes;
    private final Optional<String> loginIdp;

    private IdentityPolicy(Builder b) {
        this.minimumIal = b.minimumIal;
        this.accountTypes = Set.copyOf(b.accountTypes);
        this.loginIdp = Optional.ofNullable(b.loginIdp);
    }

    /**
     * A builder; nothing is required until set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A policy that allows every identity.
     *
     * @return the empty policy
     */
    public static IdentityPolicy allowAll() {
        return new Builder().build();
    }

    /**
     * Checks an identity, reporting every broken rule at once.
     *
     * @param identity the identity read from userinfo; required
     * @throws IdentityPolicyException listing what was required and what came, when a rule is broken
     */
    public void check(DvcqgIdentity identity) {
        List<IdentityPolicyException.Violation> broken = violations(identity);
        if (!broken.isEmpty()) {
            throw new IdentityPolicyException(broken);
        }
    }

    /**
     * The rules an identity breaks, without throwing.
     *
     * @param identity the identity read from userinfo; required
     * @return the broken rules, empty when the identity meets the policy
     */
    public List<IdentityPolicyException.Violation> violations(DvcqgIdentity identity) {
        ValidationException.requireNonNull(identity, "IdentityPolicy.identity");
        List<IdentityPolicyException.Violation> broken = new ArrayList<>();
        if (minimumIal > 0) {
            OptionalInt ial = identity.ial();
            if (ial.isEmpty() || ial.getAsInt() < minimumIal) {
                broken.add(new IdentityPolicyException.Violation(IdentityPolicyException.Rule.MINIMUM_IAL,
                        "IAL >= " + minimumIal, ial.isEmpty() ? "no IAL" : "IAL " + ial.getAsInt()));
            }
        }
        if (!accountTypes.isEmpty() && !accountTypes.contains(identity.accountType())) {
            broken.add(new IdentityPolicyException.Violation(IdentityPolicyException.Rule.ACCOUNT_TYPE,
                    "account type " + accountTypes.stream().map(AccountType::toString).sorted()
                            .collect(Collectors.joining(" or ")),
                    "account type " + Masks.shortText(identity.accountType().toString())));
        }
        if (loginIdp.isPresent()) {
            Optional<String> idp = identity.vneid().flatMap(VneidInfo::loginIdp);
            if (idp.isEmpty() || !idp.get().equalsIgnoreCase(loginIdp.get())) {
                broken.add(new IdentityPolicyException.Violation(IdentityPolicyException.Rule.LOGIN_IDP,
                        "loginIdp " + loginIdp.get(),
                        idp.map(i -> "loginIdp " + Masks.shortText(i)).orElse("no loginIdp")));
            }
        }
        return List.copyOf(broken);
    }

    /**
     * Whether an identity meets the policy.
     *
     * @param identity the identity; required
     * @return {@code true} if no rule is broken
     */
    public boolean allows(DvcqgIdentity identity) {
        return violations(identity).isEmpty();
    }

    @Override
    public String toString() {
        return "IdentityPolicy[minimumIal=" + minimumIal + ", accountTypes=" + accountTypes + ", loginIdp="
                + loginIdp.orElse("-") + "]";
    }

    /** Builds an {@link IdentityPolicy}. Not thread-safe. */
    public static final class Builder {
        private int minimumIal;
        private final Set<AccountType> accountTypes = new LinkedHashSet<>();
        private String loginIdp;

        private Builder() {
        }

        /**
         * The lowest identity level (claim {@code IAL}) allowed; an identity without {@code IAL} fails any minimum of
         * 1 or more. 0 (the default) checks nothing.
         *
         * @param level 0 to 9
         * @return this builder
         */
        public Builder minimumIal(int level) {
            if (level < 0 || level > 9) {
                throw ValidationException.of("range", "IdentityPolicy.minimumIal",
                        "the minimum IAL must be 0 to 9, was " + level);
            }
            this.minimumIal = level;
            return this;
        }

        /**
         * The account types allowed (claim {@code LoaiTaiKhoan}); not called, every type is allowed.
         *
         * @param types one or more types, for example {@link AccountType#CITIZEN}
         * @return this builder
         */
        public Builder allowedAccountTypes(AccountType... types) {
            ValidationException.requireNonNull(types, "IdentityPolicy.allowedAccountTypes");
            return allowedAccountTypes(java.util.Arrays.asList(types.clone()));
        }

        /**
         * The account types allowed (claim {@code LoaiTaiKhoan}), replacing any given before.
         *
         * @param types one or more types
         * @return this builder
         */
        public Builder allowedAccountTypes(java.util.Collection<AccountType> types) {
            ValidationException.requireNonNull(types, "IdentityPolicy.allowedAccountTypes");
            List<AccountType> list = new ArrayList<>(types);
            ValidationException.requireElements(list, "IdentityPolicy.allowedAccountTypes");
            if (list.isEmpty()) {
                throw ValidationException.of("empty", "IdentityPolicy.allowedAccountTypes",
                        "give at least one account type (or do not call this method to allow all)");
            }
            accountTypes.clear();
            accountTypes.addAll(list);
            return this;
        }

        /**
         * The identity provider the login must have come through (claim {@code loginIdp}, compared ignoring case),
         * for example {@code BCA} for VNeID.
         *
         * @param idp the provider's name; required, not blank
         * @return this builder
         */
        public Builder requiredLoginIdp(String idp) {
            this.loginIdp = ValidationException.requireText(idp, "IdentityPolicy.requiredLoginIdp").strip();
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public IdentityPolicy build() {
            return new IdentityPolicy(this);
        }
    }
}
