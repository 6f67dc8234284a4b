package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.CatalogueChanges;
import vn.egov.sdk.dossier.CatalogueSync;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DossierValidator;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgCatalogueClient;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.dossier.FileDossierOutbox;
import vn.egov.sdk.dossier.InMemoryCatalogueCache;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.testkit.DvcqgErrorCodeStyle;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** The snippets of docs/DOSSIERS.md, run against the sandbox's simulated national portal adapter. */
class DossierDocsTest {
    private static final ZonedDateTime RECEIVED = ZonedDateTime.of(2024, 12, 5, 8, 30, 15, 0,
            ZoneId.of("Asia/Ho_Chi_Minh"));

    private static Dossier sample() {
        ZonedDateTime receivedAt = RECEIVED;
        // snippet:dossier-build
        Dossier dossier = Dossier.builder()
                .dossierCode("000.00.12.H56-241205-00001")          // MaHoSo, province-prefixed
                .procedureCode("1.003560.000.00.00.H56")             // MaTTHC
                .procedureName("Cấp giấy phép xây dựng")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .holderName("Nguyễn Văn An")
                .subjectType(SubjectType.CITIZEN)                     // LoaiDoiTuong "1"
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ")
                .receivedAt(receivedAt)
                .dueAt(receivedAt.plusDays(15))
                .status(DossierStatus.NEW)                            // TrangThaiHoSo "2": received
                .delivery(DeliveryMethod.OTHER)                       // HinhThuc "0": the result is not posted
                .handlingUnit("UBND thành phố Nha Trang")
                .fees(List.of(new Fee("Lệ phí cấp giấy phép xây dựng", "LP01", "1", "75000", "2")))
                .onlinePayment("1")                                   // DuocThanhToanTrucTuyen: paid online
                .build();
        ObjectNode wire = dossier.toWire();   // {"MaHoSo":"000.00.12.H56-241205-00001", ..., "NgayTiepNhan":"20241205083015", ...}
        // end:dossier-build
        assertEquals("20241205083015", wire.get("NgayTiepNhan").asText());
        assertEquals("2", wire.get("TrangThaiHoSo").asText());
        assertEquals(dossier, Dossier.parse(wire));
        return dossier;
    }

    @Test
    void theValidatorNamesEveryBrokenRule() {
        Dossier dossier = sample();
        // snippet:dossier-validate
        DossierValidator validator = DossierValidator.defaults();
        Dossier broken = dossier.toBuilder().procedureCode("1.3560").summary(null).build();
        List<FieldError> problems = validator.check(broken);
        // every broken rule at once, by wire name: Dossier.MaTTHC (shape), Dossier.TrichYeuHoSo (required)
        validator.validate(dossier);                  // returns it, or throws a ValidationException listing them
        // end:dossier-validate
        assertEquals(List.of("Dossier.MaTTHC", "Dossier.TrichYeuHoSo"),
                problems.stream().map(FieldError::path).sorted().toList());
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(broken));
        assertEquals(2, e.errors().size());
    }

    @Test
    void pushCreateAlreadyExistsUpdateProgressAndLookUp() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            String adapterUrl = sandbox.dvcqg().adapterUrl();
            String user = DvcqgPortalSandbox.USERNAME;
            Secret password = Secret.of(DvcqgPortalSandbox.PASSWORD);
            String dstcode = DvcqgPortalSandbox.DSTCODE;
            Dossier dossier = sample();
            DossierProgress step = DossierProgress.builder().dossierCode(dossier.dossierCode())
                    .handler("Trần Thị Bình").handledAt(RECEIVED.plusHours(2)).content("Thẩm định hồ sơ")
                    .status(DossierStatus.PROCESSING).build();
            for (int run = 0; run < 2; run++) {   // the second run meets "đã tồn tại"
                sandbox.dvcqg().errorCodeStyle(run == 0 ? DvcqgErrorCodeStyle.NUMBER : DvcqgErrorCodeStyle.STRING_00);
                Dossier held;
                // snippet:dossier-client
                try (DvcqgAdapterClient dvcqg = DvcqgAdapterClient.builder()
                        .settings(ClientSettings.builder().endpoint(adapterUrl).build())
                        .account(user, password)                   // the session is fetched once and cached
                        .madonvi("H56")
                        .dstcode(dstcode)
                        .build()) {
                    AdapterReply created = dvcqg.pushDossiers(List.of(dossier.toWire()), false);
                    if (created.alreadyExists()) {                 // error_code 3 or -3, whatever the message says
                        dvcqg.pushDossiers(List.of(dossier.toWire()), true).orThrow();
                    } else {
                        created.orThrow();                         // 0, "0" and "00" are success
                    }
                    dvcqg.pushProgress(List.of(step.toWire())).orThrow();
                    held = Dossier.parse(dvcqg.lookupDossier(dossier.dossierCode()));
                }
                // end:dossier-client
                assertEquals(dossier, held);
            }
            DvcqgPortalSandbox.HeldDossier held = sandbox.dvcqg().dossier(dossier.dossierCode()).orElseThrow();
            assertEquals(1, held.updates());
            assertEquals(2, held.progressRows());
        }
    }

    @Test
    void syncRecordsThenDrainsThroughTheAdapter(@TempDir Path dir) throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                DvcqgAdapterClient dvcqg = DvcqgAdapterClient.builder()
                        .settings(ClientSettings.builder().endpoint(sandbox.dvcqg().adapterUrl()).build())
                        .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                        .madonvi("H56").dstcode(DvcqgPortalSandbox.DSTCODE).build()) {
            Path outboxFile = dir.resolve("dvcqg-outbox.journal");
            Dossier dossier = sample();
            DossierProgress step = DossierProgress.builder().dossierCode(dossier.dossierCode())
                    .handler("Trần Thị Bình").handledAt(RECEIVED.plusHours(2)).content("Thẩm định hồ sơ")
                    .status(DossierStatus.PROCESSING).build();
            // snippet:dossier-sync
            FileDossierOutbox outbox = FileDossierOutbox.open(outboxFile);   // survives a crash; in memory by default
            DossierSync sync = DossierSync.builder(dvcqg).outbox(outbox).build();
            sync.record(dossier);      // validated, text in NFC, keyed: the same content recorded twice is sent once
            sync.recordProgress(step);
            DrainReport report = sync.drain();   // or sync.start(): a background loop with back-off
            // end:dossier-sync
            assertEquals(2, report.sent(), report.toString());
            assertEquals(2, report.calls());
            sync.record(dossier);
            assertEquals(0, sync.drain().calls(), "recorded twice, sent once");
            outbox.close();
            DvcqgPortalSandbox.HeldDossier held = sandbox.dvcqg().dossier(dossier.dossierCode()).orElseThrow();
            assertEquals(1, held.progressRows());
            assertEquals(0, held.updates());
        }
    }

    private final java.util.List<String> localCatalogue = new java.util.ArrayList<>();

    private void applyToLocalCatalogue(CatalogueChanges changes) {
        changes.added().forEach(p -> localCatalogue.add(p.code()));
    }

    @Test
    void catalogueSyncReportsWhatChanged() {
        try (NationalSandbox sandbox = NationalSandbox.start();
                DvcqgAdapterClient dvcqg = DvcqgAdapterClient.builder()
                        .settings(ClientSettings.builder().endpoint(sandbox.dvcqg().adapterUrl()).build())
                        .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                        .madonvi("H99").dstcode(DvcqgPortalSandbox.DSTCODE).build()) {
            // snippet:dossier-catalogue
            DvcqgCatalogueClient catalogue = DvcqgCatalogueClient.builder(dvcqg).build();
            CatalogueSync catalogueSync = CatalogueSync.builder(catalogue)
                    .cache(new InMemoryCatalogueCache())             // or new FileCatalogueCache(path)
                    .build();
            CatalogueChanges changes = catalogueSync.sync(this::applyToLocalCatalogue);
            // the first sync adds every procedure; later ones report only what was added, changed or removed
            // end:dossier-catalogue
            assertEquals(3, changes.added().size(), changes.toString());
            assertEquals(3, localCatalogue.size());
            CatalogueChanges again = catalogueSync.sync(this::applyToLocalCatalogue);
            assertTrue(again.isEmpty(), again.toString());
        }
    }

    @Test
    void refusalsAndOutagesSayWhoseFault() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            DvcqgAdapterClient dvcqg = DvcqgAdapterClient.builder()
                    .settings(ClientSettings.builder().endpoint(sandbox.dvcqg().adapterUrl()).build())
                    .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                    .madonvi("H56").dstcode(DvcqgPortalSandbox.DSTCODE).build();
            Dossier dossier = sample();
            String[] seen = new String[2];
            // snippet:dossier-errors
            try {
                dvcqg.pushDossiers(List.of(dossier.toWire()), true).orThrow();   // an update of a dossier it lacks
            } catch (AdapterException e) {
                // fault CALLER: the portal refused (here -4, "not found"); e.reply() has its code and message
                seen[0] = e.fault() + " " + e.reply().map(AdapterReply::errorCode).orElse("-");
            }
            sandbox.faults().on("/dvcqg/integration").status(503);
            try {
                dvcqg.pushDossiers(List.of(dossier.toWire()), false);
            } catch (AdapterException e) {
                // fault PLATFORM, retryable; a push is not repeated by the client: it may have reached the portal
                seen[1] = e.fault() + " " + e.retryable() + " " + e.mayHaveReachedServer();
            }
            // end:dossier-errors
            dvcqg.close();
            assertEquals(Fault.CALLER + " -4", seen[0].replace("\"", ""));
            assertTrue(seen[1] != null && seen[1].startsWith(Fault.PLATFORM + " true"), String.valueOf(seen[1]));
            assertFalse(sandbox.dvcqg().dossier(dossier.dossierCode()).isPresent());
        }
    }
}
