package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.payment.LedgerReconciliation;
import vn.egov.sdk.payment.Mismatch;
import vn.egov.sdk.payment.PlatformTransaction;
import vn.egov.sdk.payment.PlatformTransactionCsv;
import vn.egov.sdk.payment.PlatformTransactionFormatException;
import vn.egov.sdk.payment.ReconciliationReport;

/**
 * {@code egov pay reconcile}: compares a day of the payment file with the payment system's transactions for that day
 * (đối soát), as the SDK's {@link LedgerReconciliation} does; calls nothing.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare one day (Asia/Ho_Chi_Minh) of the payment file with the system's transaction list "
                + "(CSV: reference, gateway_transaction_id, amount, state, time yyyyMMddHHmmss, description) and "
                + "list every difference. Exit 0 when they agree, 1 when they do not. Calls nothing.")
public final class PayReconcile implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--system", required = true, paramLabel = "SYSTEM",
            description = "The payment system: ${COMPLETION-CANDIDATES}.")
    PaymentOptions.GatewayName system;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day to compare.")
    LocalDate date;

    @Option(names = "--store", paramLabel = "FILE", defaultValue = "egov-payments.json",
            description = "The payment file (default ${DEFAULT-VALUE}).")
    Path store;

    @Parameters(index = "0", paramLabel = "CSV", description = "The system's transactions, in the SDK's CSV layout.")
    Path csv;

    /** The command, as picocli builds it. */
    public PayReconcile() {
    }

    @Override
    public Integer call() {
        try {
            List<PlatformTransaction> platform;
            try (InputStream in = Files.newInputStream(csv)) {
                platform = PlatformTransactionCsv.withDefaults().read(in);
            } catch (IOException | PlatformTransactionFormatException e) {
                throw new UnreadableInputException("transaction list " + csv + ": " + e.getMessage(), e);
            }
            ReconciliationReport report = LedgerReconciliation.compareDay(PaymentFile.read(store), system.system,
                    date, platform);
            print(report);
            return report.isClean() ? ExitCodes.OK : ExitCodes.INVALID;
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    private void print(ReconciliationReport report) {
        if (output.json) {
            ObjectNode json = Json.object().put("date", date.toString()).put("clean", report.isClean())
                    .put("ledger", report.ledgerCount()).put("platform", report.platformCount());
            ArrayNode list = json.putArray("mismatches");
            for (Mismatch m : report.mismatches()) {
                list.addObject().put("kind", m.kind().name().toLowerCase(Locale.ROOT)).put("reference", m.reference())
                        .put("detail", m.detail());
            }
            Json.print(spec, json);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        Colors colors = Colors.of(output);
        for (Mismatch m : report.mismatches()) {
            out.println(colors.red(m.kind().name()) + "  " + m.reference() + "  " + m.detail());
        }
        out.println(date + ": " + report.ledgerCount() + " in the payment file, " + report.platformCount()
                + " on the system, " + (report.isClean() ? colors.green("no difference")
                        : colors.red(report.mismatches().size() + " difference(s)")));
        out.flush();
    }
}
