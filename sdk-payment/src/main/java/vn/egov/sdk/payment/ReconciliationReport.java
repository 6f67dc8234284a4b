package vn.egov.sdk.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.internal.CsvRows;
import vn.egov.sdk.payment.internal.ReportColumns;

/**
 * The differences between the vendor's ledger and the payment system's list ({@link LedgerReconciliation}), as
 * typed {@link Mismatch}es, exportable as CSV for the accountant.
 *
 * @param day the day compared (Asia/Ho_Chi_Minh), when the report is for a day
 * @param ledgerCount how many ledger records were compared
 * @param platformCount how many platform transactions were compared
 * @param mismatches every difference, grouped by reference in the order the references first appear (ledger first)
 */
public record ReconciliationReport(Optional<LocalDate> day, int ledgerCount, int platformCount,
        List<Mismatch> mismatches) {

    /**
     * Validates and copies the components.
     *
     * @param day the day, if any
     * @param ledgerCount ledger records, 0 or more
     * @param platformCount platform transactions, 0 or more
     * @param mismatches the differences
     */
    public ReconciliationReport {
        ValidationException.requireNonNull(day, "ReconciliationReport.day");
        if (ledgerCount < 0 || platformCount < 0) {
            throw ValidationException.of("non-negative", "ReconciliationReport.ledgerCount",
                    "counts must be zero or more");
        }
        mismatches = List.copyOf(ValidationException.requireElements(mismatches, "ReconciliationReport.mismatches"));
    }

    /**
     * Whether both sides agree.
     *
     * @return {@code true} when there is no mismatch
     */
    public boolean isClean() {
        return mismatches.isEmpty();
    }

    /**
     * The mismatches of one kind.
     *
     * @param kind the kind
     * @return those mismatches, in report order
     */
    public List<Mismatch> ofKind(MismatchKind kind) {
        ValidationException.requireNonNull(kind, "ReconciliationReport.kind");
        return mismatches.stream().filter(m -> m.kind() == kind).toList();
    }

    /**
     * Writes the mismatches as CSV, one per row with both sides' values, under a header line: UTF-8, RFC 4180
     * quoting (Vietnamese text, commas, quotes and line breaks survive), times as ISO-8601 with the
     * Asia/Ho_Chi_Minh offset, an empty cell where a side has no value. The columns are {@code kind},
     * {@code reference}, {@code detail}, then {@code ledger_dossier_code}, {@code ledger_amount},
     * {@code ledger_state}, {@code ledger_gateway_transaction_id}, {@code ledger_created_at}, then
     * {@code platform_gateway_transaction_id}, {@code platform_amount}, {@code platform_state},
     * {@code platform_time}, {@code platform_description}. Values are written as they are: a spreadsheet may take
     * a text starting with {@code =} for a formula, so open the file as text columns.
     *
     * @param out where to write; flushed, not closed
     * @throws IOException when the stream fails
     */
    public void writeCsv(OutputStream out) throws IOException {
        ValidationException.requireNonNull(out, "ReconciliationReport.out");
        List<String[]> rows = new ArrayList<>(mismatches.size());
        for (Mismatch m : mismatches) {
            rows.add(ReportColumns.row(m));
        }
        CsvRows.write(ReportColumns.NAMES, rows, out);
    }

    /**
     * The CSV of {@link #writeCsv(OutputStream)} as text.
     *
     * @return the CSV
     */
    public String toCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
