package vn.egov.sdk.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentGateway;

/**
 * A {@code pay} command: the payment file read, a gateway client over it, the call, the file written back when the
 * call changed it, failures reported and mapped to a status.
 */
abstract class PayCall implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PaymentOptions payment;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        try {
            InMemoryPaymentStore store = PaymentFile.read(payment.store);
            PaymentGateway gateway = payment.gateway(store);
            try {
                int status = run(gateway, store);
                if (writesStore()) {
                    PaymentFile.write(store, payment.store);
                }
                return status;
            } finally {
                close(gateway);
            }
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    /**
     * Whether the call records something the next run needs (a created payment).
     *
     * @return {@code true} to write the payment file back
     */
    boolean writesStore() {
        return false;
    }

    /**
     * Does the call and prints its result.
     *
     * @param gateway the client
     * @param store the payments it knows
     * @return the exit status
     */
    abstract int run(PaymentGateway gateway, InMemoryPaymentStore store);

    static void close(PaymentGateway gateway) {
        if (gateway instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing an HTTP client: nothing to report
            }
        }
    }
}
