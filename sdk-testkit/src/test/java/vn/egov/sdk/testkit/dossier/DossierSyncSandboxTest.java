package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.SyncOutcome;
import vn.egov.sdk.testkit.DvcqgErrorCodeStyle;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** DossierSync end to end through the sandbox's DVCQG adapter simulator. */
class DossierSyncSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-12-06T02:00:00Z"));
    private final List<SyncOutcome> outcomes = new ArrayList<>();
    private DvcqgAdapterClient client;
    private SyncFixtures.Counting transport;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        client = SyncFixtures.client(portal, clock);
        transport = new SyncFixtures.Counting(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private DossierSync sync() {
        return DossierSync.builder(transport).clock(clock).listener(outcomes::add).build();
    }

    @Test
    void aDossierIsCreatedThenSentAgainAsAnUpdateWhenThePortalSaysItExists() {
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(1));
        assertEquals(1, sync.drain().sent());
        sync.record(SyncFixtures.dossier(1).toBuilder().status(DossierStatus.PROCESSING).build());
        DrainReport report = sync.drain();
        assertEquals(1, report.updated());
        assertEquals(List.of("create:1", "create:1", "update:1"), transport.pushes);
        DvcqgPortalSandbox.HeldDossier held = portal.dossier(SyncFixtures.code(1)).orElseThrow();
        assertEquals("4", held.status());
        assertEquals(1, held.updates());
        assertEquals(SyncOutcome.Result.UPDATED, outcomes.get(1).result());
    }

    @Test
    void twentyFiveProgressRowsReachThePortalInThreeCallsOfTenTenAndFive() {
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(1));
        sync.recordProgress(IntStream.rangeClosed(1, 25).mapToObj(i -> SyncFixtures.step(1, i)).toList());
        DrainReport report = sync.drain();
        assertEquals(26, report.sent());
        assertEquals(List.of("create:1", "progress:10", "progress:10", "progress:5"), transport.pushes);
        assertEquals(4, sandbox.requestsTo("/dvcqg/integration"));
        List<DvcqgPortalSandbox.ProgressRow> history = portal.history(SyncFixtures.code(1));
        assertEquals(25, history.size());
        assertEquals("Thẩm định hồ sơ, bước 25", history.get(24).noiDungXuLy());
    }

    @ParameterizedTest
    @EnumSource(DvcqgErrorCodeStyle.class)
    void everyErrorCodeFormIsReadTheSameWay(DvcqgErrorCodeStyle style) {
        portal.errorCodeStyle(style);
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(1));
        sync.drain();
        sync.record(SyncFixtures.dossier(1).toBuilder().note("cập nhật").build());
        sync.recordProgress(SyncFixtures.step(1, 1), SyncFixtures.step(2, 1));
        sync.recordStatus(SyncFixtures.code(1), "processing", clock.instant());
        DrainReport report = sync.drain();
        assertEquals(3, report.sent(), report.toString());
        assertEquals(1, report.updated());
        assertEquals(1, report.givenUp(), "the row of a dossier the portal does not hold: -4");
        assertTrue(outcomes.stream().anyMatch(o -> o.result() == SyncOutcome.Result.GIVEN_UP
                && o.detail().contains("-4") && o.detail().contains("không tồn tại")), outcomes.toString());
        assertEquals(1, portal.history(SyncFixtures.code(1)).size());
        assertEquals("4", portal.dossier(SyncFixtures.code(1)).orElseThrow().status());
    }

    @Test
    void anExpiredSessionMidRunCostsOneLoginAndLosesNothing() {
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(1));
        sync.recordProgress(SyncFixtures.step(1, 1));
        sync.drain();
        assertEquals(1, portal.sessionsIssued());
        portal.expireSessions();
        sync.record(SyncFixtures.dossier(2));
        sync.recordProgress(SyncFixtures.step(1, 2), SyncFixtures.step(2, 1));
        DrainReport report = sync.drain();
        assertTrue(report.complete(), report.toString());
        assertEquals(2, portal.sessionsIssued());
        assertEquals(2, portal.dossiers().size());
        assertEquals(2, portal.history(SyncFixtures.code(1)).size());
        assertEquals(1, portal.history(SyncFixtures.code(2)).size());
        assertEquals(5L, sync.outbox().counts().get(OutboxState.SENT));
    }

    @Test
    void anHourLongOutageIsDrainedAfterwardsInOrder() {
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(1));
        sync.drain();
        sandbox.faults().on("/dvcqg/integration").always().status(503);
        sync.recordProgress(SyncFixtures.step(1, 1));
        sync.record(SyncFixtures.dossier(2));
        sync.recordProgress(SyncFixtures.step(2, 1), SyncFixtures.step(1, 2));
        sync.recordStatus(SyncFixtures.code(2), "processing", clock.instant());
        sync.record(SyncFixtures.dossier(3));
        for (int minute = 0; minute < 60; minute++) {
            DrainReport during = sync.drain();
            assertEquals(0, during.sent());
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(0L, sync.outbox().counts().get(OutboxState.GIVEN_UP));
        assertEquals(1, portal.dossiers().size());
        sandbox.faults().clear();
        clock.advance(Duration.ofMinutes(10));
        DrainReport after = sync.drain();
        assertTrue(after.complete(), after.toString());
        assertEquals(6, after.sent());
        assertEquals(List.of(SyncFixtures.code(1), SyncFixtures.code(2), SyncFixtures.code(3)),
                portal.dossiers().stream().map(DvcqgPortalSandbox.HeldDossier::maHoSo).toList());
        assertEquals(List.of("Thẩm định hồ sơ, bước 1", "Thẩm định hồ sơ, bước 2"),
                portal.history(SyncFixtures.code(1)).stream().map(DvcqgPortalSandbox.ProgressRow::noiDungXuLy)
                        .toList());
        assertEquals("4", portal.dossier(SyncFixtures.code(2)).orElseThrow().status());
    }

    @Test
    void invalidDossiersAreRefusedWithEveryFieldNamedAndNothingIsSent() {
        DossierSync sync = sync();
        Dossier bad = SyncFixtures.dossier(1).toBuilder().dossierCode("HS-0001").procedureCode("abc")
                .holderName(null).summary("").receivedAt((Instant) null).email("không-phải-email").build();
        ValidationException e = assertThrows(ValidationException.class, () -> sync.record(bad));
        List<String> paths = e.errors().stream().map(FieldError::path).toList();
        assertTrue(paths.containsAll(List.of("Dossier.MaHoSo", "Dossier.MaTTHC", "Dossier.ChuHoSo",
                "Dossier.TrichYeuHoSo", "Dossier.NgayTiepNhan", "Dossier.Email")), paths.toString());
        assertEquals(0, sync.drain().calls());
        assertEquals(0, sandbox.requestsTo("/dvcqg/integration"));
    }

    @Test
    void vietnameseTextInNfdReachesThePortalInNfcAndIsTheSameDossierAsNfc() {
        DossierSync sync = sync();
        Dossier nfc = SyncFixtures.dossier(1);
        Dossier nfd = nfc.toBuilder().holderName(Normalizer.normalize(nfc.holderName(), Normalizer.Form.NFD))
                .summary(Normalizer.normalize(nfc.summary(), Normalizer.Form.NFD))
                .handlingUnit(Normalizer.normalize(nfc.handlingUnit(), Normalizer.Form.NFD)).build();
        sync.record(nfd);
        sync.drain();
        sync.record(nfc);
        sync.recordProgress(SyncFixtures.step(1, 1).toBuilder()
                .content(Normalizer.normalize("Tiếp nhận hồ sơ", Normalizer.Form.NFD)).build());
        sync.recordProgress(SyncFixtures.step(1, 1).toBuilder().content("Tiếp nhận hồ sơ").build());
        sync.drain();
        assertEquals(List.of("create:1", "progress:1"), transport.pushes, "NFC and NFD are one dossier, one row");
        String held = portal.dossier(SyncFixtures.code(1)).orElseThrow().json();
        assertTrue(held.contains("\"ChuHoSo\":\"Nguyễn Thị Hồng Nhung\""), held);
        assertTrue(Normalizer.isNormalized(held, Normalizer.Form.NFC));
        assertEquals("Tiếp nhận hồ sơ", portal.history(SyncFixtures.code(1)).get(0).noiDungXuLy());
    }
    @Test
    void aBatchOverThePortalsLimitIsRefusedAndSentAgainRowByRow() {
        DossierSync sync = DossierSync.builder(transport).clock(clock).batchSize(12).build();
        sync.record(SyncFixtures.dossier(1));
        sync.recordProgress(IntStream.rangeClosed(1, 14).mapToObj(i -> SyncFixtures.step(1, i)).toList());
        DrainReport report = sync.drain();
        assertEquals(15, report.sent(), report.toString());
        assertEquals("progress:12", transport.pushes.get(1));
        assertEquals(List.of("progress:2"), transport.pushes.subList(14, 15));
        assertEquals(14, portal.history(SyncFixtures.code(1)).size());
        assertEquals("Thẩm định hồ sơ, bước 14", portal.history(SyncFixtures.code(1)).get(13).noiDungXuLy());
    }

    @Test
    void findDossierAnswersTheRecordWithItsProgressOrEmpty() {
        assertTrue(client.findDossier(SyncFixtures.code(7)).isEmpty());
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(7));
        sync.recordProgress(SyncFixtures.step(7, 1));
        sync.drain();
        var found = client.findDossier(SyncFixtures.code(7)).orElseThrow();
        assertEquals(SyncFixtures.code(7), found.path("MaHoSo").asText());
        assertEquals("Thẩm định hồ sơ, bước 1", found.at("/DanhSachTienDo/0/NoiDungXuLy").asText());
        assertThrows(ValidationException.class, () -> client.findDossier(" "));
    }
    @Test
    void progressStoredByThePortalBeforeA5xxIsNotAppendedTwice() {
        DossierSync sync = sync();
        sync.record(SyncFixtures.dossier(1));
        sync.drain();
        sandbox.faults().on("/dvcqg/integration").afterServing().status(502);
        sync.recordProgress(SyncFixtures.step(1, 1), SyncFixtures.step(1, 2), SyncFixtures.step(1, 3));
        assertEquals(3, sync.drain().failed());
        assertEquals(3, portal.history(SyncFixtures.code(1)).size(), "the portal stored the rows before the 502");
        clock.advance(Duration.ofMinutes(1));
        DrainReport report = sync.drain();
        assertEquals(3, report.alreadyHeld(), report.toString());
        assertEquals(3, portal.history(SyncFixtures.code(1)).size());
    }
}
