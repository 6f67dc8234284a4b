package vn.egov.sdk.identity.internal;

import java.util.Optional;
import java.util.function.Function;
import vn.egov.sdk.identity.AccountKey;
import vn.egov.sdk.identity.AccountType;
import vn.egov.sdk.identity.UserInfoFormatException;

/** The account-mapping order of {@code DvcqgIdentity.accountKey()}. */
public final class AccountKeys {
    private AccountKeys() {
    }

    /** TechID first; then by account type; else a typed error naming what is missing. */
    public static AccountKey choose(AccountType type, Function<String, Optional<String>> claim) {
        Optional<String> tech = claim.apply(AccountKey.Kind.TECH_ID.wireName());
        if (tech.isPresent()) {
            return AccountKey.of(AccountKey.Kind.TECH_ID, tech.get());
        }
        if (type.equals(AccountType.CITIZEN)) {
            return firstOf(type, claim, AccountKey.Kind.PERSONAL_ID, AccountKey.Kind.OLD_ID_CARD);
        }
        if (type.equals(AccountType.ENTERPRISE)) {
            return firstOf(type, claim, AccountKey.Kind.TAX_CODE, AccountKey.Kind.ENTERPRISE_CODE);
        }
        throw new UserInfoFormatException("TechID", "accountKey.missing", "an account of type " + type
                + " is mapped on TechID only, and TechID is absent", null);
    }

    private static AccountKey firstOf(AccountType type, Function<String, Optional<String>> claim,
            AccountKey.Kind first, AccountKey.Kind second) {
        Optional<String> a = claim.apply(first.wireName());
        if (a.isPresent()) {
            return AccountKey.of(first, a.get());
        }
        return claim.apply(second.wireName()).map(v -> AccountKey.of(second, v))
                .orElseThrow(() -> new UserInfoFormatException("TechID", "accountKey.missing",
                        "an account of type " + type + " needs TechID, " + first.wireName() + " or "
                                + second.wireName() + " to be mapped, and none is present", null));
    }
}
