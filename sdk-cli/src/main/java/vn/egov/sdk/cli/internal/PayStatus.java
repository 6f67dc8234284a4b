package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentStatus;

/** {@code egov pay status REFERENCE}: asks the gateway for a payment's state. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Ask the payment system for the state of a payment created with pay create (the payment "
                + "file must hold it).")
public final class PayStatus extends PayCall {
    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The payment's reference (from pay create).")
    String reference;

    /** The command, as picocli builds it. */
    public PayStatus() {
    }

    @Override
    int run(PaymentGateway gateway, InMemoryPaymentStore store) {
        PaymentStatus status = gateway.query(reference);
        if (output.json) {
            ObjectNode json = Json.object().put("reference", status.reference())
                    .put("state", status.state().name().toLowerCase(Locale.ROOT)).put("rawCode", status.rawCode());
            status.gatewayTransactionId().ifPresent(t -> json.put("gatewayTransactionId", t));
            status.amount().ifPresent(a -> json.put("amount", a));
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.println("reference    " + status.reference());
            out.println("state        " + status.state() + " (code " + status.rawCode() + ")");
            status.amount().ifPresent(a -> out.println("amount       " + a + " VND"));
            status.gatewayTransactionId().ifPresent(t -> out.println("transaction  " + t));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
