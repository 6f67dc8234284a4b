package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.TechIdLookup;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoTestUser;

/** TraCuuTechID end to end: the adapter answers the SSO test users' TechIDs by ID number. */
class ProvincialTechIdTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();

    private DvcqgAdapterClient adapter() {
        return DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(portal.adapterUrl()).build())
                .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                .madonvi(DvcqgPortalSandbox.MADONVI).dstcode(DvcqgPortalSandbox.DSTCODE).build();
    }

    @Test
    void everyTestUserWithAnIdNumberIsFoundByIt() {
        int found = 0;
        try (DvcqgAdapterClient dvcqg = adapter()) {
            TechIdLookup lookup = TechIdLookup.of(dvcqg);
            for (SsoTestUser user : SsoTestUser.ALL) {
                if (user.idNumber().isPresent()) {
                    assertEquals(Optional.of(user.techId()), lookup.techId(user.idNumber().get()), user.key());
                    found++;
                }
            }
            assertEquals(Optional.of(SsoTestUser.ENTERPRISE.techId()), lookup.techId("0109990004"));
            assertTrue(lookup.techId("099999999999").isEmpty(), "an unknown number is not found");
        }
        assertEquals(4, found);
    }

    @Test
    void aProviderTheAdapterDoesNotKnowIsRefused() {
        try (DvcqgAdapterClient dvcqg = adapter()) {
            AdapterException e = assertThrows(AdapterException.class,
                    () -> TechIdLookup.builder(dvcqg).provider("khac").build().techId("001090000001"));
            assertEquals(Fault.CALLER, e.fault());
            assertEquals("-1", e.platformErrorCode().orElseThrow());
        }
    }
}
