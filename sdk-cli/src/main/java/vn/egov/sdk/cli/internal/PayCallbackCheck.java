package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentGateway;

/**
 * {@code egov pay callback-check FILE|-}: verifies a callback body a tester captured, as the vendor's endpoint would,
 * and says why it does or does not: the exact string the SDK signs (the key masked), whether the checksum matches,
 * the reference and amount against the payment file. Records nothing.
 */
@Command(name = "callback-check", mixinStandardHelpOptions = true,
        description = "Verify a captured result callback (its exact bytes, from FILE or - for standard input): "
                + "print the string that is signed (key masked), whether the checksum matches, and why it is "
                + "refused. Exit 0 when it verifies, 1 when it does not. Records nothing.")
public final class PayCallbackCheck extends PayCall {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final Set<CallbackFailure> CHECKSUM_FAILURES = EnumSet.of(CallbackFailure.CHECKSUM_MISMATCH,
            CallbackFailure.FIELD_ORDER, CallbackFailure.TWELVE_HOUR_CLOCK, CallbackFailure.UNICODE_FORM);

    @Parameters(index = "0", paramLabel = "FILE", description = "The callback's body as received, or - to read it "
            + "from standard input.")
    String file;

    /** The command, as picocli builds it. */
    public PayCallbackCheck() {
    }

    @Override
    int run(PaymentGateway gateway, InMemoryPaymentStore store) {
        byte[] body = body();
        Optional<PaymentCallback> verified;
        Optional<CallbackVerificationException> refused;
        try {
            verified = Optional.of(gateway.verifyCallback(body));
            refused = Optional.empty();
        } catch (CallbackVerificationException e) {
            verified = Optional.empty();
            refused = Optional.of(e);
        }
        Optional<CallbackVerificationException> probed = probe(store, body);
        String checksum = checksum(verified.isPresent(), refused, probed);
        Optional<String> signed = refused.flatMap(CallbackVerificationException::signedString)
                .or(() -> probed.flatMap(CallbackVerificationException::signedString));
        print(verified, refused, checksum, signed);
        return verified.isPresent() ? ExitCodes.OK : ExitCodes.INVALID;
    }

    /** The refusal of a client with a throwaway key: its signed string, and whether the checksum step was reached. */
    private Optional<CallbackVerificationException> probe(InMemoryPaymentStore store, byte[] body) {
        PaymentGateway probe = payment.probe(store);
        try {
            probe.verifyCallback(body);
            return Optional.empty();
        } catch (CallbackVerificationException e) {
            return Optional.of(e);
        } finally {
            close(probe);
        }
    }

    private static String checksum(boolean verified, Optional<CallbackVerificationException> refused,
            Optional<CallbackVerificationException> probed) {
        if (verified) {
            return "matches";
        }
        if (CHECKSUM_FAILURES.contains(refused.orElseThrow().failure())) {
            return "mismatch";
        }
        // refused for another reason; the throwaway key failing on the checksum means the genuine key passed it
        return probed.map(p -> CHECKSUM_FAILURES.contains(p.failure())).orElse(false) ? "matches" : "unchecked";
    }

    private void print(Optional<PaymentCallback> verified, Optional<CallbackVerificationException> refused,
            String checksum, Optional<String> signed) {
        if (output.json) {
            ObjectNode json = Json.object().put("system", payment.system.name()).put("verified", verified.isPresent())
                    .put("checksum", checksum);
            signed.ifPresent(s -> json.put("signedString", s));
            refused.ifPresent(e -> {
                json.put("failure", e.failure().name().toLowerCase(Locale.ROOT)).put("message", e.getMessage());
                e.field().ifPresent(f -> json.put("field", f));
            });
            verified.ifPresent(c -> json.put("reference", c.reference()).put("state", c.state().name()
                    .toLowerCase(Locale.ROOT)).put("amount", c.amount()).put("resultCode", c.resultCode())
                    .put("gatewayTransactionId", c.gatewayTransactionId()));
            Json.print(spec, json);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        Colors colors = Colors.of(output);
        out.println("signed string  " + signed.orElse("(not computed: the callback was refused before its checksum)"));
        out.println("checksum       " + switch (checksum) {
            case "matches" -> colors.green("matches");
            case "mismatch" -> colors.red("does not match");
            default -> "not checked";
        });
        verified.ifPresent(c -> out.println("verified       " + colors.green("yes") + ": " + c.reference() + " "
                + c.state() + " " + c.amount() + " VND (result code " + c.resultCode() + ")"));
        refused.ifPresent(e -> out.println("verified       " + colors.red("no") + ": " + e.failure()
                + e.field().map(f -> " (" + f + ")").orElse("") + ": " + e.getMessage()));
        out.flush();
    }

    private byte[] body() {
        byte[] bytes;
        try {
            if ("-".equals(file)) {
                bytes = System.in.readNBytes(MAX_BYTES + 1); // standard input is read, never closed
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
            }
        } catch (IOException e) {
            throw new UnreadableInputException("callback " + file + ": " + e, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableInputException("callback " + file + ": larger than " + MAX_BYTES + " bytes", null);
        }
        return bytes;
    }
}
