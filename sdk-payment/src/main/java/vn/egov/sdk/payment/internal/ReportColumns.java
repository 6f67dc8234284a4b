package vn.egov.sdk.payment.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.egov.sdk.payment.Mismatch;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PlatformTransaction;

/** The reconciliation report's CSV columns and how a {@link Mismatch} fills them. */
public final class ReportColumns {
    /** The header names, in order. */
    public static final List<String> NAMES = List.of("kind", "reference", "detail", "ledger_dossier_code",
            "ledger_amount", "ledger_state", "ledger_gateway_transaction_id", "ledger_created_at",
            "platform_gateway_transaction_id", "platform_amount", "platform_state", "platform_time",
            "platform_description");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(CsvText.ZONE);

    private ReportColumns() {
    }

    /**
     * One mismatch as a row, empty cells for a missing side.
     *
     * @param m the mismatch
     * @return the values, in {@link #NAMES} order
     */
    public static String[] row(Mismatch m) {
        String[] row = new String[NAMES.size()];
        java.util.Arrays.fill(row, "");
        row[0] = m.kind().name();
        row[1] = m.reference();
        row[2] = m.detail();
        if (m.ledger().isPresent()) {
            PaymentRecord r = m.ledger().get();
            row[3] = r.dossierCode();
            row[4] = Long.toString(r.amount());
            row[5] = r.state().name();
            row[6] = r.gatewayTransactionId().orElse("");
            row[7] = time(r.createdAt());
        }
        if (m.platform().isPresent()) {
            PlatformTransaction t = m.platform().get();
            row[8] = t.gatewayTransactionId();
            row[9] = Long.toString(t.amount());
            row[10] = t.state().name();
            row[11] = time(t.time());
            row[12] = t.description();
        }
        return row;
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
