package vn.egov.sdk.cli.internal;

import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;

/** {@code egov pay create}: creates a payment and prints where to send the payer. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a payment for a dossier; print its reference and the payment page to open. "
                + "Repeated for the same dossier and amount while it is pending, it gives the same payment.")
public final class PayCreate extends PayCall {
    @Option(names = "--amount", required = true, paramLabel = "VND", description = "The amount in whole VND.")
    long amount;

    @Option(names = "--dossier", required = true, paramLabel = "CODE", description = "The dossier's code (MaHoSo).")
    String dossier;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "What the payment is for (default: \"Phí, lệ phí hồ sơ\" and the dossier's code).")
    String description;

    @Option(names = "--return-url", paramLabel = "URL",
            description = "Where the payer's browser comes back to, if the system takes one.")
    URI returnUrl;

    /** The command, as picocli builds it. */
    public PayCreate() {
    }

    @Override
    boolean writesStore() {
        return true;
    }

    @Override
    int run(PaymentGateway gateway, InMemoryPaymentStore store) {
        PaymentOrder order = PaymentOrder.of(dossier, amount,
                description != null ? description : "Phí, lệ phí hồ sơ " + dossier);
        if (returnUrl != null) {
            order = order.withReturnUrl(returnUrl);
        }
        PaymentStart start = gateway.create(order);
        if (output.json) {
            Json.print(spec, Json.object().put("system", payment.system.name()).put("reference", start.reference())
                    .put("redirectUrl", start.redirectUrl().toString()).put("amount", amount)
                    .put("dossier", dossier).put("createdAt", start.createdAt().toString()));
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.println("reference  " + start.reference());
            out.println("amount     " + amount + " VND, dossier " + dossier);
            out.println("open       " + start.redirectUrl());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
