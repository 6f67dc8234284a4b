package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.NullSetterProbe;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;

/** The bad-input rule for PayGov's public entry points: a caller's mistake is a ValidationException naming it. */
class PayGovBadInputRuleTest {
    @Test
    void everyBuilderSetterRefusesNullByName() {
        var problems = NullSetterProbe.problems(PayGovClient::builder, Set.of());
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void aFreshBuilderNamesEveryMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class, () -> PayGovClient.builder().build());
        var paths = e.errors().stream().map(f -> f.path()).toList();
        assertTrue(paths.containsAll(java.util.List.of("PayGovClient.settings.endpoint", "PayGovClient.auth",
                "PayGovClient.partnerCode", "PayGovClient.secretKey", "PayGovClient.unitCode",
                "PayGovClient.accessKey", "PayGovClient.serviceCode", "PayGovClient.resultVerifier")), paths::toString);
    }

    @Test
    void verifierAndBrowserReturnRefuseNullByName() {
        assertEquals("PayGovSha256ResultVerifier.secretKey", assertThrows(ValidationException.class,
                () -> PayGovSha256ResultVerifier.of(null)).errors().get(0).path());
        assertEquals("PayGovSha256ResultVerifier.fields", assertThrows(ValidationException.class,
                () -> PayGovSha256ResultVerifier.of(Secret.of("s")).withFields(null)).errors().get(0).path());
        assertEquals("PayGovBrowserReturn.query", assertThrows(ValidationException.class,
                () -> PayGovBrowserReturn.parse(null)).errors().get(0).path());
        assertTrue(PayGovBrowserReturn.parse(Map.of()).orderId().isEmpty());
    }
}
