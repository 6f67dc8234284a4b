package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.NullSetterProbe;
import vn.egov.sdk.payment.ReceiptInfo;

/** Every one-argument setter of the DVCQG client's builder and of the receipt builder refuses null by name. */
class DvcqgBadInputRuleTest {

    @Test
    void everyBuilderSetterRefusesNullByName() {
        List<String> problems = new ArrayList<>(NullSetterProbe.problems(DvcqgPaymentPlatformClient::builder,
                Set.of()));
        problems.addAll(NullSetterProbe.problems(() -> ReceiptInfo.builder(1),
                Set.of("ReceiptInfo.Builder.content", "ReceiptInfo.Builder.dossierCode")));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
}
