package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;

/** The identity policy: minimum IAL, allowed account types, required identity provider. */
class IdentityPolicyTest {
    private static DvcqgIdentity id(String json) {
        return DvcqgIdentity.fromUserInfo(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final DvcqgIdentity LEVEL2 = id("{\"sub\":\"s\",\"LoaiTaiKhoan\":1,\"IAL\":\"2\",\"loginIdp\":\"BCA\"}");
    private static final DvcqgIdentity LEVEL1 = id("{\"sub\":\"s\",\"LoaiTaiKhoan\":1,\"IAL\":1,\"loginIdp\":\"BCA\"}");
    private static final DvcqgIdentity NO_IAL = id("{\"sub\":\"s\",\"LoaiTaiKhoan\":\"2\"}");
    private static final DvcqgIdentity UNKNOWN_TYPE = id("{\"sub\":\"s\",\"LoaiTaiKhoan\":\"9\",\"IAL\":3}");

    @Test
    void ialBelowTheMinimumIsRefusedSayingWhatWasRequiredAndWhatCame() {
        IdentityPolicy policy = IdentityPolicy.builder().minimumIal(2).build();
        policy.check(LEVEL2);
        IdentityPolicyException e = assertThrows(IdentityPolicyException.class, () -> policy.check(LEVEL1));
        assertEquals(List.of(new IdentityPolicyException.Violation(IdentityPolicyException.Rule.MINIMUM_IAL,
                "IAL >= 2", "IAL 1")), e.violations());
        assertTrue(e.getMessage().contains("required IAL >= 2, got IAL 1"), e.getMessage());
        assertEquals(Fault.VERIFICATION, e.fault());
        assertTrue(e instanceof VerificationException);
        assertTrue(e.broke(IdentityPolicyException.Rule.MINIMUM_IAL));
        assertFalse(e.broke(IdentityPolicyException.Rule.LOGIN_IDP));
    }

    @Test
    void anAbsentIalFailsAnyMinimumOfOneOrMore() {
        IdentityPolicyException e = assertThrows(IdentityPolicyException.class,
                () -> IdentityPolicy.builder().minimumIal(1).build().check(NO_IAL));
        assertEquals("no IAL", e.violations().get(0).actual());
        assertTrue(IdentityPolicy.builder().minimumIal(0).build().allows(NO_IAL));
        assertFalse(IdentityPolicy.builder().minimumIal(1).build().allows(
                id("{\"sub\":\"s\",\"IAL\":\"cao\"}")), "an unreadable IAL counts as absent");
    }

    @Test
    void accountTypesAndLoginIdpAreCheckedAndEveryViolationListed() {
        IdentityPolicy policy = IdentityPolicy.builder().minimumIal(2).allowedAccountTypes(AccountType.CITIZEN)
                .requiredLoginIdp("bca").build();
        assertTrue(policy.allows(LEVEL2), "loginIdp compared ignoring case");
        IdentityPolicyException e = assertThrows(IdentityPolicyException.class, () -> policy.check(NO_IAL));
        assertEquals(3, e.violations().size(), e.getMessage());
        assertEquals("account type ENTERPRISE(2)", e.violations().get(1).actual());
        assertEquals("no loginIdp", e.violations().get(2).actual());
        IdentityPolicyException unknown = assertThrows(IdentityPolicyException.class, () -> IdentityPolicy.builder()
                .allowedAccountTypes(List.of(AccountType.CITIZEN, AccountType.ENTERPRISE)).build().check(UNKNOWN_TYPE));
        assertEquals("account type CITIZEN(1) or ENTERPRISE(2)", unknown.violations().get(0).required());
        assertEquals("account type UNKNOWN(9)", unknown.violations().get(0).actual());
        assertTrue(IdentityPolicy.builder().allowedAccountTypes(AccountType.of("9")).build().allows(UNKNOWN_TYPE),
                "an unknown code can be allowed explicitly");
        IdentityPolicyException otherIdp = assertThrows(IdentityPolicyException.class, () -> IdentityPolicy.builder()
                .requiredLoginIdp("BCA").build().check(id("{\"sub\":\"s\",\"loginIdp\":\"DVCQG\"}")));
        assertEquals("loginIdp DVCQG", otherIdp.violations().get(0).actual());
    }

    @Test
    void theEmptyPolicyAllowsEveryIdentity() {
        for (DvcqgIdentity identity : List.of(LEVEL1, LEVEL2, NO_IAL, UNKNOWN_TYPE)) {
            IdentityPolicy.allowAll().check(identity);
        }
    }

    @Test
    void badConfigurationIsAValidationException() {
        assertEquals("IdentityPolicy.minimumIal", assertThrows(ValidationException.class,
                () -> IdentityPolicy.builder().minimumIal(-1)).errors().get(0).path());
        assertThrows(ValidationException.class, () -> IdentityPolicy.builder().minimumIal(10));
        assertThrows(ValidationException.class, () -> IdentityPolicy.builder().allowedAccountTypes());
        assertThrows(ValidationException.class,
                () -> IdentityPolicy.builder().allowedAccountTypes((AccountType[]) null));
        assertThrows(ValidationException.class,
                () -> IdentityPolicy.builder().allowedAccountTypes(AccountType.CITIZEN, null));
        assertThrows(ValidationException.class, () -> IdentityPolicy.builder().requiredLoginIdp(" "));
        assertThrows(ValidationException.class, () -> IdentityPolicy.allowAll().check(null));
        assertThrows(ValidationException.class, () -> new IdentityPolicyException(List.of()));
        assertThrows(ValidationException.class, () -> AccountType.of(null));
        assertThrows(ValidationException.class, () -> AccountKey.of(AccountKey.Kind.TECH_ID, " "));
    }
}
