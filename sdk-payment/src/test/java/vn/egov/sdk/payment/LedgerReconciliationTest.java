package vn.egov.sdk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class LedgerReconciliationTest {
    private static final PaymentSystem DVCQG = PaymentSystem.DVCQG_PAYMENT_PLATFORM;
    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");

    private static PaymentRecord ledger(String reference, long amount, PaymentState state) {
        PaymentRecord r = PaymentRecord.pending(DVCQG, reference, PaymentOrder.of("H01." + reference, amount,
                "Lệ phí"), T, "20261206100000", Map.of());
        return state == PaymentState.PENDING ? r : r.withFinalState(state, "GD-" + reference, T.plusSeconds(60));
    }

    private static PlatformTransaction platform(String reference, long amount, PaymentState state) {
        return new PlatformTransaction(reference, "GD-" + reference, amount, state, T.plusSeconds(60),
                "Thanh toán lệ phí hồ sơ " + reference);
    }

    @Test
    void matchingSidesGiveACleanReport() {
        ReconciliationReport report = LedgerReconciliation.compare(
                List.of(ledger("A", 50_000, PaymentState.PAID), ledger("B", 20_000, PaymentState.EXPIRED)),
                List.of(platform("A", 50_000, PaymentState.PAID), platform("B", 20_000, PaymentState.FAILED)));
        assertTrue(report.isClean(), report.mismatches().toString());
        assertEquals(2, report.ledgerCount());
        assertEquals(2, report.platformCount());
    }

    @Test
    void eachKindOfMismatchIsReportedWithBothSides() {
        ReconciliationReport report = LedgerReconciliation.compare(
                List.of(ledger("ONLY_OURS", 10_000, PaymentState.PAID),
                        ledger("AMT", 50_000, PaymentState.PAID),
                        ledger("ST", 30_000, PaymentState.PENDING),
                        ledger("DUP_L", 40_000, PaymentState.PAID),
                        ledger("DUP_L", 40_000, PaymentState.PAID),
                        ledger("DUP_P", 60_000, PaymentState.PAID)),
                List.of(platform("AMT", 5_000, PaymentState.PAID),
                        platform("ST", 30_000, PaymentState.PAID),
                        platform("DUP_L", 40_000, PaymentState.PAID),
                        platform("DUP_P", 60_000, PaymentState.PAID),
                        platform("DUP_P", 60_000, PaymentState.PAID),
                        platform("ONLY_THEIRS", 70_000, PaymentState.PAID)));

        assertEquals(List.of(MismatchKind.MISSING_ON_PLATFORM, MismatchKind.AMOUNT, MismatchKind.STATUS,
                MismatchKind.DUPLICATE, MismatchKind.DUPLICATE, MismatchKind.MISSING_IN_LEDGER),
                report.mismatches().stream().map(Mismatch::kind).toList());
        assertEquals(List.of("ONLY_OURS", "AMT", "ST", "DUP_L", "DUP_P", "ONLY_THEIRS"),
                report.mismatches().stream().map(Mismatch::reference).toList());

        Mismatch missingThere = report.ofKind(MismatchKind.MISSING_ON_PLATFORM).get(0);
        assertEquals(10_000, missingThere.ledger().orElseThrow().amount());
        assertTrue(missingThere.platform().isEmpty());

        Mismatch amount = report.ofKind(MismatchKind.AMOUNT).get(0);
        assertEquals(50_000, amount.ledger().orElseThrow().amount());
        assertEquals(5_000, amount.platform().orElseThrow().amount());

        Mismatch status = report.ofKind(MismatchKind.STATUS).get(0);
        assertEquals(PaymentState.PENDING, status.ledger().orElseThrow().state());
        assertEquals(PaymentState.PAID, status.platform().orElseThrow().state());

        List<Mismatch> dups = report.ofKind(MismatchKind.DUPLICATE);
        assertTrue(dups.get(0).detail().contains("ledger") && dups.get(0).ledger().isPresent()
                && dups.get(0).platform().isPresent());
        assertTrue(dups.get(1).detail().contains("platform"));

        Mismatch missingHere = report.ofKind(MismatchKind.MISSING_IN_LEDGER).get(0);
        assertTrue(missingHere.ledger().isEmpty());
        assertEquals(70_000, missingHere.platform().orElseThrow().amount());
    }

    @Test
    void amountAndStatusCanBothDiffer() {
        ReconciliationReport report = LedgerReconciliation.compare(List.of(ledger("X", 1_000, PaymentState.FAILED)),
                List.of(platform("X", 2_000, PaymentState.PAID)));
        assertEquals(List.of(MismatchKind.AMOUNT, MismatchKind.STATUS),
                report.mismatches().stream().map(Mismatch::kind).toList());
    }

    @Test
    void aDayIsBoundedInHoChiMinhTime() {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        LocalDate day = LocalDate.of(2026, 12, 6);
        Instant start = Instant.parse("2026-12-05T17:00:00Z"); // 00:00 +07:00
        Instant end = Instant.parse("2026-12-06T17:00:00Z");
        store.create(PaymentRecord.pending(DVCQG, "FIRST", PaymentOrder.of("H1", 1_000, "x"), start, "t", Map.of()));
        store.create(PaymentRecord.pending(DVCQG, "LAST", PaymentOrder.of("H2", 1_000, "x"),
                end.minusMillis(1), "t", Map.of()));
        store.create(PaymentRecord.pending(DVCQG, "NEXT_DAY", PaymentOrder.of("H3", 1_000, "x"), end, "t",
                Map.of()));
        store.create(PaymentRecord.pending(DVCQG, "DAY_BEFORE", PaymentOrder.of("H4", 1_000, "x"),
                start.minusMillis(1), "t", Map.of()));
        List<PlatformTransaction> platform = List.of(
                new PlatformTransaction("FIRST", "", 1_000, PaymentState.PENDING, start, ""),
                new PlatformTransaction("LAST", "", 1_000, PaymentState.PENDING, end.minusSeconds(1), ""),
                new PlatformTransaction("NEXT_DAY", "", 1_000, PaymentState.PENDING, end, ""),
                new PlatformTransaction("ELSEWHERE", "", 1_000, PaymentState.PAID, start.minusSeconds(1), ""));

        ReconciliationReport report = LedgerReconciliation.compareDay(store, DVCQG, day, platform);
        assertTrue(report.isClean(), report.mismatches().toString());
        assertEquals(2, report.ledgerCount());
        assertEquals(2, report.platformCount());
        assertEquals(day, report.day().orElseThrow());
        assertEquals(start, LedgerReconciliation.dayStart(day));
    }

    @Test
    void theCsvExportRoundTripsVietnameseTextQuotesCommasAndLineBreaks() throws Exception {
        String tricky = "Lệ phí \"cấp đổi\", hồ sơ Đ-01\nDòng hai; ký tự ₫ và 𝄞";
        PaymentRecord ours = PaymentRecord.pending(DVCQG, "R,1", PaymentOrder.of("H01.\"Q\"", 50_000, "x"), T,
                "20261206100000", Map.of());
        PlatformTransaction theirs = new PlatformTransaction("R,1", "GD\"7", 45_000, PaymentState.PAID,
                Instant.parse("2026-12-06T07:30:00Z"), tricky);
        ReconciliationReport report = LedgerReconciliation.compare(List.of(ours),
                List.of(theirs, new PlatformTransaction("Ngoài", "", 1, PaymentState.FAILED, T, "")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeCsv(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals(csv, report.toCsv());
        assertTrue(csv.startsWith("kind,reference,detail,ledger_dossier_code,"), csv);

        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.toByteArray())) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(report.mismatches().size(), rows.size());
        Map<String, String> amount = rows.get(0);
        assertEquals("AMOUNT", amount.get("kind"));
        assertEquals("R,1", amount.get("reference"));
        assertEquals("H01.\"Q\"", amount.get("ledger_dossier_code"));
        assertEquals("50000", amount.get("ledger_amount"));
        assertEquals("PENDING", amount.get("ledger_state"));
        assertEquals("", amount.get("ledger_gateway_transaction_id"));
        assertEquals("2026-12-06T10:00:00+07:00", amount.get("ledger_created_at"));
        assertEquals("GD\"7", amount.get("platform_gateway_transaction_id"));
        assertEquals("45000", amount.get("platform_amount"));
        assertEquals("PAID", amount.get("platform_state"));
        assertEquals("2026-12-06T14:30:00+07:00", amount.get("platform_time"));
        assertEquals(tricky, amount.get("platform_description"));
        assertEquals("STATUS", rows.get(1).get("kind"));
        Map<String, String> missing = rows.get(2);
        assertEquals("MISSING_IN_LEDGER", missing.get("kind"));
        assertEquals("Ngoài", missing.get("reference"));
        assertEquals("", missing.get("ledger_amount"));
    }

    @Test
    void anEmptyReportStillHasItsHeader() {
        String csv = LedgerReconciliation.compare(List.of(), List.of()).toCsv();
        assertEquals("kind,reference,detail,ledger_dossier_code,ledger_amount,ledger_state,"
                + "ledger_gateway_transaction_id,ledger_created_at,platform_gateway_transaction_id,platform_amount,"
                + "platform_state,platform_time,platform_description\r\n", csv);
    }

    @Test
    void missingListsAreTypedErrors() {
        assertEquals("LedgerReconciliation.ledger", assertThrows(ValidationException.class,
                () -> LedgerReconciliation.compare(null, List.of())).errors().get(0).path());
        List<PlatformTransaction> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("LedgerReconciliation.platform[0]", assertThrows(ValidationException.class,
                () -> LedgerReconciliation.compare(List.of(), withNull)).errors().get(0).path());
    }
}
