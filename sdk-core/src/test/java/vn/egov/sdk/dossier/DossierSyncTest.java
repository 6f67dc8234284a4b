package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;

/** DossierSync's recording and draining rules against a fake transport. */
class DossierSyncTest {
    static final Instant T0 = Instant.parse("2024-12-06T02:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    final FakePortal portal = new FakePortal();
    final List<SyncOutcome> outcomes = new ArrayList<>();

    DossierSync sync() {
        return DossierSync.builder(portal).clock(clock).listener(outcomes::add)
                .backoff(RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofMinutes(10))
                        .random(() -> 0.999).build())
                .build();
    }

    static Dossier dossier(int n) {
        return DossierSamples.full().toBuilder().dossierCode(code(n)).build();
    }

    static String code(int n) {
        return String.format("000.00.12.H56-241205-%05d", n);
    }

    static DossierProgress step(int n, int i) {
        return DossierSamples.progress().toBuilder().dossierCode(code(n)).content("Bước " + i)
                .handledAt(DossierSamples.at(6, 9).toInstant().plusSeconds(60L * i)).build();
    }

    @Test
    void aDossierIsCreatedThenUpdatedWhenThePortalSaysItExists() {
        DossierSync sync = sync();
        sync.record(dossier(1));
        DrainReport first = sync.drain();
        assertEquals(1, first.sent());
        assertEquals(0, first.updated());
        sync.record(dossier(1).toBuilder().note("Đã bổ sung").build());
        DrainReport second = sync.drain();
        assertEquals(1, second.updated());
        assertEquals(List.of(false, false, true), portal.calls("DongBoHoSoMC").stream()
                .map(FakePortal.Call::updating).toList());
        assertEquals("Đã bổ sung", portal.dossiers.get(code(1)).path("GhiChu").asText());
        assertEquals(SyncOutcome.Result.UPDATED, outcomes.get(1).result());
        assertEquals(2L, sync.outbox().counts().get(OutboxState.SENT));
    }

    @Test
    void theSameContentRecordedTwiceIsOneEntryAndNfdTextIsSentAsNfc() {
        DossierSync sync = sync();
        Dossier nfc = dossier(1);
        Dossier nfd = nfc.toBuilder().holderName(Normalizer.normalize(nfc.holderName(), Normalizer.Form.NFD))
                .summary(Normalizer.normalize(nfc.summary(), Normalizer.Form.NFD)).build();
        assertFalse(nfd.holderName().equals(nfc.holderName()));
        OutboxEntry a = sync.record(nfc);
        OutboxEntry b = sync.record(nfd);
        OutboxEntry c = sync.record(nfc);
        assertEquals(a.sequence(), b.sequence());
        assertEquals(a.sequence(), c.sequence());
        assertTrue(a.item().key().startsWith("D|" + code(1) + "|"));
        sync.drain();
        assertEquals(1, portal.calls.size());
        assertEquals(nfc.holderName(), portal.dossiers.get(code(1)).path("ChuHoSo").asText());
    }

    @Test
    void aDossierRecordedWithChangeIdsGoesBackToAnEarlierContentAndTheSameChangeIsOneEntry() {
        DossierSync sync = sync();
        Dossier a = dossier(1);
        Dossier b = a.toBuilder().note("Đã bổ sung").build();
        OutboxEntry first = sync.record(a, "v1");
        assertEquals(first.sequence(), sync.record(a, "v1").sequence());
        sync.record(b, "v2");
        sync.record(a, "v3");
        assertTrue(sync.drain().complete());
        assertEquals(3L, sync.outbox().counts().get(OutboxState.SENT));
        assertEquals(a.note(), portal.dossiers.get(code(1)).path("GhiChu").asText());
        assertTrue(first.item().key().startsWith("D|" + code(1) + "|v:"));
        ValidationException blank = assertThrows(ValidationException.class, () -> sync.record(a, " "));
        assertEquals("changeId", blank.errors().get(0).path());
    }

    @Test
    void anInvalidDossierIsRefusedWithEveryFieldNamedAndNothingIsRecorded() {
        DossierSync sync = sync();
        Dossier bad = dossier(1).toBuilder().dossierCode("").procedureName(null).holderName(" ")
                .phone("không có").build();
        ValidationException e = assertThrows(ValidationException.class, () -> sync.record(bad));
        List<String> paths = e.errors().stream().map(FieldError::path).toList();
        assertTrue(paths.containsAll(List.of("Dossier.MaHoSo", "Dossier.TenTTHC", "Dossier.ChuHoSo",
                "Dossier.SoDienThoai")), paths.toString());
        assertEquals(0L, sync.outbox().counts().get(OutboxState.PENDING));
        ValidationException rows = assertThrows(ValidationException.class, () -> sync.recordProgress(step(1, 1),
                step(1, 2).toBuilder().handler(null).build(), step(1, 3).toBuilder().content("").build()));
        assertEquals(List.of("DossierProgress[1].NguoiXuLy", "DossierProgress[2].NoiDungXuLy"),
                rows.errors().stream().map(FieldError::path).toList());
        assertEquals(0L, sync.outbox().counts().get(OutboxState.PENDING));
    }

    @Test
    void aResultMustBeStatusTenWithItsReturnDate() {
        DossierSync sync = sync();
        Dossier unfinished = dossier(1).toBuilder().status(DossierStatus.PROCESSING).returnedAt((Instant) null).build();
        ValidationException e = assertThrows(ValidationException.class, () -> sync.recordResult(unfinished));
        assertEquals(List.of("Dossier.TrangThaiHoSo", "Dossier.NgayTra"),
                e.errors().stream().map(FieldError::path).toList());
        sync.record(unfinished);
        sync.recordResult(dossier(1));
        DrainReport report = sync.drain();
        assertEquals(2, report.sent());
        assertEquals("10", portal.dossiers.get(code(1)).path("TrangThaiHoSo").asText());
    }

    @Test
    void twentyFiveProgressRowsGoInBatchesOfTenTenAndFive() {
        DossierSync sync = sync();
        sync.record(dossier(1));
        sync.recordProgress(IntStream.rangeClosed(1, 25).mapToObj(i -> step(1, i)).toList());
        DrainReport report = sync.drain();
        assertEquals(26, report.sent());
        assertEquals(List.of(10, 10, 5), portal.calls("CapNhatTienDoHoSoMC").stream()
                .map(FakePortal.Call::size).toList());
        assertEquals("Bước 25", portal.histories.get(code(1)).get(24).path("NoiDungXuLy").asText());
    }

    @Test
    void theBatchSizeIsConfigurableAndRunsNeverCrossAnotherKind() {
        DossierSync sync = DossierSync.builder(portal).clock(clock).batchSize(4).build();
        sync.record(dossier(1));
        sync.recordProgress(step(1, 1), step(1, 2), step(1, 3), step(1, 4), step(1, 5));
        sync.record(dossier(2));
        sync.recordProgress(step(2, 1), step(1, 6));
        sync.recordStatus(code(1), "processing", T0);
        sync.drain();
        assertEquals(List.of("DongBoHoSoMC:1", "CapNhatTienDoHoSoMC:4", "CapNhatTienDoHoSoMC:1", "DongBoHoSoMC:1",
                "CapNhatTienDoHoSoMC:2", "DongBoTrangThaiHoSo:1"),
                portal.calls.stream().map(c -> c.service() + ":" + c.size()).toList());
        assertEquals("4", portal.dossiers.get(code(1)).path("TrangThaiHoSo").asText());
    }

    @Test
    void anOutageStopsTheDrainBacksOffAndEverythingGoesAfterwardsInOrder() {
        DossierSync sync = sync();
        sync.record(dossier(1));
        sync.recordProgress(step(1, 1), step(1, 2));
        sync.drain();
        portal.down = true;
        sync.record(dossier(2));
        sync.recordProgress(step(2, 1));
        sync.recordProgress(step(1, 3));
        DrainReport failed = sync.drain();
        assertEquals(1, failed.failed());
        assertTrue(failed.retryAt().isPresent());
        assertTrue(failed.stoppedBy().orElseThrow().contains("network"), failed.toString());
        for (int minute = 0; minute < 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            sync.drain();
        }
        assertEquals(0L, sync.outbox().counts().get(OutboxState.GIVEN_UP));
        portal.down = false;
        DrainReport early = sync.drain();
        assertEquals(0, early.sent(), "the failed entry is still backing off; nothing overtakes it");
        assertTrue(early.stoppedBy().orElseThrow().contains("backing off"));
        clock.advance(Duration.ofMinutes(10));
        DrainReport after = sync.drain();
        assertTrue(after.complete());
        assertEquals(3, after.sent());
        assertEquals(List.of("D:" + code(1), "P:" + code(1) + ":Bước 1", "P:" + code(1) + ":Bước 2",
                "D:" + code(2), "P:" + code(2) + ":Bước 1", "P:" + code(1) + ":Bước 3"), portal.order);
    }

    @Test
    void aRefusedDossierIsGivenUpWithItsRowsWhileOtherDossiersGoOn() {
        DossierSync sync = sync();
        portal.refuse = r -> r.path("MaHoSo").asText().equals(code(1)) && r.has("ChuHoSo");
        sync.record(dossier(1));
        sync.recordProgress(step(1, 1), step(2, 1));
        sync.record(dossier(2));
        sync.recordProgress(step(2, 2), step(1, 2));
        sync.recordStatus(code(1), "processing", T0);
        DrainReport report = sync.drain();
        // dossier 1's record, its two rows and its status; and dossier 2's first row, recorded before dossier 2
        assertEquals(5, report.givenUp(), report.toString());
        assertEquals(2, report.sent());
        assertEquals(List.of("D:" + code(2), "P:" + code(2) + ":Bước 2"), portal.order);
        SyncOutcome refused = outcomes.get(0);
        assertEquals(SyncOutcome.Result.GIVEN_UP, refused.result());
        assertTrue(refused.detail().contains("-1") && refused.detail().contains("Dữ liệu không hợp lệ"));
        assertTrue(outcomes.stream().filter(o -> o.kind() == OutboxKind.PROGRESS && o.maHoSo().equals(code(1)))
                .allMatch(o -> o.detail().startsWith("not sent: the portal refused dossier")));
        assertTrue(outcomes.stream().anyMatch(o -> o.maHoSo().equals(code(2)) && o.detail().contains("-4")));
        assertEquals(2, portal.calls("CapNhatTienDoHoSoMC").size(), "no row of dossier 1 was sent");
        portal.refuse = r -> false;
        sync.record(dossier(1).toBuilder().note("sửa").build());
        sync.recordProgress(step(1, 3));
        assertEquals(2, sync.drain().sent(), "a corrected record unblocks the dossier");
    }

    @Test
    void aRefusedBatchIsSentAgainRowByRowAndOnlyTheBadRowIsGivenUp() {
        DossierSync sync = sync();
        sync.record(dossier(1));
        sync.drain();
        portal.refuse = r -> r.path("NoiDungXuLy").asText().equals("Bước 2");
        sync.recordProgress(step(1, 1), step(1, 2), step(1, 3));
        DrainReport report = sync.drain();
        assertEquals(2, report.sent());
        assertEquals(1, report.givenUp());
        assertEquals(List.of(3, 1, 1, 1), portal.calls("CapNhatTienDoHoSoMC").stream()
                .map(FakePortal.Call::size).toList());
        assertEquals(2, portal.histories.get(code(1)).size());
    }

    @Test
    void progressFoundInFlightAfterACrashIsNotSentAgainWhenThePortalHoldsIt() {
        InMemoryDossierOutbox outbox = new InMemoryDossierOutbox(clock, 1000);
        DossierSync sync = DossierSync.builder(portal).clock(clock).outbox(outbox).build();
        sync.record(dossier(1));
        sync.drain();
        List<OutboxEntry> rows = sync.recordProgress(step(1, 1), step(1, 2), step(1, 3));
        // the process died after pushing rows 1 and 2 and before marking them sent
        outbox.markSending(List.of(rows.get(0).sequence(), rows.get(1).sequence()));
        portal.pushProgress(List.of(vn.egov.sdk.dossier.internal.SyncKeys.nfc(step(1, 1).toWire()),
                vn.egov.sdk.dossier.internal.SyncKeys.nfc(step(1, 2).toWire())));
        DossierSync restarted = DossierSync.builder(portal).clock(clock).outbox(outbox).listener(outcomes::add)
                .build();
        DrainReport report = restarted.drain();
        assertEquals(2, report.alreadyHeld());
        assertEquals(1, report.sent());
        assertEquals(1, portal.lookups);
        assertEquals(List.of("Bước 1", "Bước 2", "Bước 3"), portal.histories.get(code(1)).stream()
                .map(r -> r.path("NoiDungXuLy").asText()).toList());
    }

    @Test
    void whereTheTransportCannotAskRowsInFlightAreSentAgain() {
        InMemoryDossierOutbox outbox = new InMemoryDossierOutbox(clock, 1000);
        DossierSync sync = DossierSync.builder(portal).clock(clock).outbox(outbox).build();
        sync.record(dossier(1));
        sync.drain();
        List<OutboxEntry> rows = sync.recordProgress(step(1, 1));
        outbox.markSending(List.of(rows.get(0).sequence()));
        portal.canLookUp = false;
        assertEquals(1, sync.drain().sent());
        assertEquals(1, portal.histories.get(code(1)).size());
    }

    @Test
    void anEntryWhoseBudgetIsSpentIsGivenUp() {
        DossierSync sync = DossierSync.builder(portal).clock(clock).maxAttempts(3).listener(outcomes::add).build();
        sync.record(dossier(1));
        portal.down = true;
        for (int i = 0; i < 3; i++) {
            sync.drain();
            clock.advance(Duration.ofHours(1));
        }
        portal.down = false;
        DrainReport report = sync.drain();
        assertEquals(1, report.givenUp());
        assertTrue(outcomes.get(outcomes.size() - 1).detail().contains("attempt budget of 3"));
        assertTrue(portal.dossiers.isEmpty());
    }

    @Test
    void statusesAreMappedAndAnUnmappedOneIsNamed() {
        assertSame(DossierStatus.PROCESSING, DossierStatusMapping.byKey().map(" Processing "));
        assertSame(DossierStatus.INTEROPERATING, DossierStatusMapping.byKey().map("posting"));
        assertSame(DossierStatus.DONE, DossierStatusMapping.byKey().map("10"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> DossierStatusMapping.byKey().map("DANG_XU_LY"));
        assertTrue(e.getMessage().contains("DANG_XU_LY"), e.getMessage());
        DossierStatusMapping table = DossierStatusMapping.builder().map("DA_TIEP_NHAN", DossierStatus.NEW)
                .map("DANG_XU_LY", DossierStatus.PROCESSING).ignoreCase().build();
        assertSame(DossierStatus.PROCESSING, table.map("dang_xu_ly"));
        assertThrows(ValidationException.class, () -> table.map("new"));
        DossierStatusMapping withFallback = DossierStatusMapping.builder().map("X", DossierStatus.DONE)
                .fallback(DossierStatusMapping.byKey()).build();
        assertSame(DossierStatus.NEW, withFallback.map("new"));
        assertThrows(ValidationException.class, () -> DossierStatusMapping.builder().build());
        assertThrows(ValidationException.class, () -> DossierStatusMapping.byKey().map(null));
    }

    @Test
    void aStatusRecordedWithAnUnmappedVendorStatusIsNotRecorded() {
        DossierSync sync = DossierSync.builder(portal).clock(clock).statusMapping(DossierStatusMapping.builder()
                .map("DANG_XU_LY", DossierStatus.PROCESSING).build()).build();
        assertThrows(ValidationException.class, () -> sync.recordStatus(code(1), "processing", T0));
        OutboxEntry e = sync.recordStatus(code(1), "DANG_XU_LY", T0);
        assertEquals("{\"MaHoSo\":\"" + code(1) + "\",\"TrangThaiHoSo\":\"4\"}", e.item().payload());
        OutboxEntry later = sync.recordStatus(code(1), "DANG_XU_LY", T0.plusSeconds(60));
        assertFalse(e.item().key().equals(later.item().key()), "the same status later is a new change");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> new DossierStatusChange(" ", null, null));
        assertEquals(3, missing.errors().size());
    }

    @Test
    void theBuilderRefusesBadSettings() {
        assertThrows(ValidationException.class, () -> DossierSync.builder(null));
        assertThrows(ValidationException.class, () -> DossierSync.builder(portal).batchSize(0));
        assertThrows(ValidationException.class, () -> DossierSync.builder(portal).maxAttempts(-1));
        assertThrows(ValidationException.class, () -> DossierSync.builder(portal).loopInterval(Duration.ZERO));
        assertThrows(ValidationException.class, () -> DossierSync.builder(portal).outbox(null));
        assertThrows(ValidationException.class, () -> sync().recordProgress());
        assertThrows(ValidationException.class, () -> sync().record(null));
    }
    @Test
    void keysAreDeterministicAndStayShortForLongCodes() {
        String longCode = "000.00.12.H56-" + "9".repeat(150);
        Dossier d = dossier(1).toBuilder().dossierCode(longCode).build();
        OutboxEntry a = sync().record(d);
        OutboxEntry b = sync().record(d);
        assertEquals(a.item().key(), b.item().key(), "two syncs compute the same key");
        assertTrue(a.item().key().length() <= 60, a.item().key());
        assertTrue(a.item().key().startsWith("D|#"));
        assertEquals(longCode, a.item().maHoSo());
        OutboxEntry row = sync().recordProgress(step(1, 1)).get(0);
        assertTrue(row.item().key().startsWith("P|" + code(1) + "|20241206093115|4|"), row.item().key());
    }
    @Test
    void aLookupFailingDuringReconciliationStopsTheDrainAndTheRowWaits() {
        InMemoryDossierOutbox outbox = new InMemoryDossierOutbox(clock, 1000);
        DossierSync sync = DossierSync.builder(portal).clock(clock).outbox(outbox).build();
        sync.record(dossier(1));
        sync.drain();
        List<OutboxEntry> rows = sync.recordProgress(step(1, 1), step(1, 2));
        // the process died after the portal stored row 1 and before the outbox recorded it
        outbox.markSending(List.of(rows.get(0).sequence()));
        portal.pushProgress(List.of(vn.egov.sdk.dossier.internal.SyncKeys.nfc(step(1, 1).toWire())));
        portal.down = true;
        DrainReport report = sync.drain();
        assertEquals(1, report.failed());
        assertEquals(OutboxState.FAILED, outbox.find(rows.get(0).sequence()).orElseThrow().state());
        assertEquals(OutboxState.PENDING, outbox.find(rows.get(1).sequence()).orElseThrow().state());
        portal.down = false;
        clock.advance(Duration.ofMinutes(1));
        DrainReport after = sync.drain();
        assertEquals(1, after.alreadyHeld(), "a row failed while in doubt is still checked before it is resent");
        assertEquals(1, after.sent());
        assertEquals(2, portal.histories.get(code(1)).size());
    }

    @Test
    void aProgressPushThatFailedAfterThePortalStoredItIsNotAppendedTwice() {
        DossierSync sync = sync();
        sync.record(dossier(1));
        sync.drain();
        portal.storeThenFail = true;
        sync.recordProgress(step(1, 1), step(1, 2));
        assertEquals(2, sync.drain().failed());
        portal.storeThenFail = false;
        clock.advance(Duration.ofMinutes(1));
        DrainReport report = sync.drain();
        assertEquals(2, report.alreadyHeld(), report.toString());
        assertEquals(2, portal.histories.get(code(1)).size());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheDrain() {
        DossierSync sync = DossierSync.builder(portal).clock(clock).listener(o -> {
            throw new IllegalStateException("listener bug");
        }).build();
        sync.record(dossier(1));
        sync.record(dossier(2));
        assertEquals(2, sync.drain().sent());
    }
}
