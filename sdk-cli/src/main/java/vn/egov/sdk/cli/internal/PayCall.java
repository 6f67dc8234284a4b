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
            int status;
            try {
                status = run(gateway, store);
            } catch (RuntimeException e) {
                // a creation that failed after its reference was recorded (a timeout) is kept, so that running it
                // again sends the same reference instead of making a second payment
                saveAfterFailure(store, e);
                throw e;
            } finally {
                close(gateway);
            }
            if (writesStore()) {
                PaymentFile.write(store, payment.store);
            }
            return status;
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

    private void saveAfterFailure(InMemoryPaymentStore store, RuntimeException failure) {
        if (writesStore()) {
            try {
                PaymentFile.write(store, payment.store);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

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
