package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Pays a dossier's fee through the payment platform of the national public-service portal (Cổng DVCQG), here the
 * sandbox's: creates the payment with its receipt info ({@code INIT}), pays it in the simulator, receives the
 * platform's callback on a local JDK HTTP server that verifies its {@code MaXacThuc} and applies it once, and
 * fetches the receipt PDF ({@code GET_BILL}). Writes {@code payment-callback.json} (the callback's exact bytes) and
 * {@code payment-receipt.pdf} to {@code --out DIR} (default {@code target/examples}); exits with status 1 when a
 * step fails.
 *
 * <p>Against the real platform, build the client with its endpoint and your {@code MaDoiTac} and secret, and give
 * the platform your public callback URL.
 */
public final class PayFee {
    private PayFee() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --out DIR}
     * @throws IOException if the output folder cannot be created
     */
    public static void main(String[] args) throws IOException {
        Path out = Tour.parseOut(args, Path.of("target", "examples"));
        if (!run(out, System.out)) {
            System.exit(1);
        }
    }

    /** Pays the fee, printing each step; returns whether every step behaved. */
    static boolean run(Path out, PrintStream console) throws IOException {
        Files.createDirectories(out);
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            console.println("Started the sandbox's DVCQG payment platform at " + sandbox.dvcqgPayUrl());
            FeePayment.Result r = FeePayment.pay(sandbox, "000.00.01.H41-261206-0001", out,
                    line -> console.println("- " + line));
            console.println("Paid: " + r.verified().reference() + " " + r.verified().state() + ", "
                    + r.verified().amount() + " VND; wrote " + out.resolve(FeePayment.CALLBACK_FILE) + " and "
                    + r.receipt());
            return true;
        } catch (RuntimeException e) {
            console.println("Failed: " + e);
            return false;
        }
    }
}
