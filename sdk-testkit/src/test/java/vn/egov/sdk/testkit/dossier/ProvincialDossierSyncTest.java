package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgSyncEndpointsClient;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** DossierSync draining through the provincial sync endpoints instead of the adapter. */
class ProvincialDossierSyncTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();

    @Test
    void aDossierSyncDrainsThroughTheProvincesThreeUrls() {
        String code = "H99-261203-00001";
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            DossierSync sync = DossierSync.builder(province).build();
            sync.record(ProvincialSamples.dossier(code, DossierStatus.NEW));
            sync.recordProgress(IntStream.rangeClosed(1, 25).mapToObj(i -> ProvincialSamples.step(code, i)).toList());
            DrainReport first = sync.drain();
            assertEquals(26, first.sent(), first.toString());
            assertTrue(first.complete(), first.toString());

            sync.record(ProvincialSamples.dossier(code, DossierStatus.PROCESSING));
            DrainReport second = sync.drain();
            assertEquals(1, second.updated(), second.toString());
        }
        assertEquals(2, sandbox.requestsTo("/dvcqg/tinh/them-moi"));
        assertEquals(1, sandbox.requestsTo("/dvcqg/tinh/cap-nhat"));
        assertEquals(3, sandbox.requestsTo("/dvcqg/tinh/dong-bo-tien-trinh"));
        assertEquals(0, sandbox.requestsTo("/dvcqg/integration"));
        DvcqgPortalSandbox.HeldDossier held = portal.dossier(code).orElseThrow();
        assertEquals("4", held.status());
        assertEquals(1, held.updates());
        List<DvcqgPortalSandbox.ProgressRow> history = portal.history(code);
        assertEquals(25, history.size());
        assertEquals("Bước xử lý 25", history.get(24).noiDungXuLy());
    }

    @Test
    void aLargerSyncBatchIsCutToWhatTheProvinceTakes() {
        String code = "H99-261203-00004";
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            DossierSync sync = DossierSync.builder(province).batchSize(25).build();
            sync.record(ProvincialSamples.dossier(code, DossierStatus.NEW));
            sync.recordProgress(IntStream.rangeClosed(1, 25).mapToObj(i -> ProvincialSamples.step(code, i)).toList());
            DrainReport report = sync.drain();
            assertTrue(report.complete(), report.toString());
            assertEquals(26, report.sent(), report.toString());
        }
        assertEquals(3, sandbox.requestsTo("/dvcqg/tinh/dong-bo-tien-trinh"));
        assertEquals(25, portal.history(code).size());
    }

    @Test
    void aStatusChangeGoesToTheStatusUrlWhereTheProvinceHasOne() {
        String code = "H99-261203-00002";
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal)
                .statusUrl(portal.provincialStatusUrl()).build()) {
            DossierSync sync = DossierSync.builder(province).build();
            sync.record(ProvincialSamples.dossier(code, DossierStatus.NEW));
            sync.recordStatus(code, "releasing", Instant.parse("2026-12-05T03:00:00Z"));
            DrainReport report = sync.drain();
            assertEquals(2, report.sent(), report.toString());
        }
        assertEquals(1, sandbox.requestsTo("/dvcqg/tinh/trang-thai"));
        assertEquals("9", portal.dossier(code).orElseThrow().status());
    }

    @Test
    void withoutAStatusUrlAStatusChangeIsRefusedWhenRecordedAndTheRestIsSent() {
        String code = "H99-261203-00003";
        try (DvcqgSyncEndpointsClient province = ProvincialSamples.client(portal).build()) {
            DossierSync sync = DossierSync.builder(province).build();
            sync.record(ProvincialSamples.dossier(code, DossierStatus.NEW));
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> sync.recordStatus(code, "releasing", Instant.parse("2026-12-05T03:00:00Z")));
            assertEquals("DossierTransport.STATUS", refused.errors().get(0).path());
            DrainReport report = sync.drain();
            assertEquals(1, report.sent(), report.toString());
            assertTrue(report.complete(), report.toString());
            assertEquals(1L, sync.outbox().counts().getOrDefault(OutboxState.SENT, 0L));
        }
        assertEquals(0, sandbox.requestsTo("/dvcqg/tinh/trang-thai"));
        assertEquals("2", portal.dossier(code).orElseThrow().status());
    }
}
