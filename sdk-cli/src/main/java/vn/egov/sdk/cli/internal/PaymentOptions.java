package vn.egov.sdk.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.payment.paygov.PayGovClientBuilder;

/**
 * Which payment gateway {@code egov pay} talks to, as whom, and where it keeps its own record of the payments it
 * created (a JSON file, so that {@code pay status} and {@code pay callback-check} in a later run know them). Keys
 * are never printed.
 */
public final class PaymentOptions {
    /** The environment variable read for the DVCQG platform's hash key when {@code --key} is not given. */
    static final String DVCQG_KEY_VARIABLE = "EGOV_PAYMENT_DVCQG_HASH_KEY";
    /** The environment variable read for PayGov's secretKey when {@code --key} is not given. */
    static final String PAYGOV_KEY_VARIABLE = "EGOV_PAYMENT_PAYGOV_SECRET_KEY";
    /** The environment variable read for Keypay's hash_key_1 when {@code --key} is not given. */
    static final String KEYPAY_KEY_VARIABLE = "EGOV_PAYMENT_KEYPAY_HASH_KEY1";
    /** The environment variable read for Keypay's hash_key_2 when {@code --key2} is not given. */
    static final String KEYPAY_KEY2_VARIABLE = "EGOV_PAYMENT_KEYPAY_HASH_KEY2";

    /** The payment systems the command line speaks to. */
    public enum GatewayName {
        /** The payment platform of the national public-service portal. */
        dvcqg(PaymentSystem.DVCQG_PAYMENT_PLATFORM),
        /** PayGov, through a provincial LGSP. */
        paygov(PaymentSystem.PAYGOV),
        /** Keypay's DVCQG JSON variant. */
        keypay(PaymentSystem.KEYPAY_DVCQG);

        final PaymentSystem system;

        GatewayName(PaymentSystem system) {
            this.system = system;
        }
    }

    @Option(names = "--system", required = true, paramLabel = "SYSTEM",
            description = "The payment system: ${COMPLETION-CANDIDATES}.")
    GatewayName system;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The gateway's endpoint, e.g. http://127.0.0.1:8089/dvcqg-pay, "
                    + "http://127.0.0.1:8089/keypay or (PayGov: the LGSP) http://127.0.0.1:8089/paygov for the "
                    + "sandbox.")
    String url;

    @Option(names = "--merchant", required = true, paramLabel = "CODE",
            description = "Who calls: the DVCQG platform's MaDoiTac, PayGov's partnerCode or Keypay's client_id.")
    String merchant;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The checksum key (DVCQG hash key, PayGov secretKey, Keypay hash_key_1); better from "
                    + "the environment variable " + DVCQG_KEY_VARIABLE + ", " + PAYGOV_KEY_VARIABLE + " or "
                    + KEYPAY_KEY_VARIABLE + ". Never printed.")
    String key;

    @Option(names = "--key2", paramLabel = "KEY",
            description = "Keypay's hash_key_2 (callbacks); better from " + KEYPAY_KEY2_VARIABLE + ". Never printed.")
    String key2;

    @Mixin
    PayGovOptions paygov;

    @Option(names = "--store", paramLabel = "FILE", defaultValue = "egov-payments.json",
            description = "The file that keeps the payments this command line created (default ${DEFAULT-VALUE} "
                    + "in the current folder); status and callback-check look payments up in it.")
    Path store;

    private final UnaryOperator<String> environment = System::getenv;

    /** Options as picocli fills them. */
    public PaymentOptions() {
    }

    /**
     * A client of the chosen gateway over a store.
     *
     * @param payments the vendor's record of the payments
     * @return the client; the caller closes it
     * @throws MissingSecretException when a key is given neither way
     * @throws vn.egov.sdk.core.ValidationException naming a malformed setting
     */
    PaymentGateway gateway(PaymentStore payments) {
        String variable = switch (system) {
            case dvcqg -> DVCQG_KEY_VARIABLE;
            case paygov -> PAYGOV_KEY_VARIABLE;
            case keypay -> KEYPAY_KEY_VARIABLE;
        };
        return gateway(payments, secret(key, variable, "--key"));
    }

    /**
     * A client that computes checksums with another key than the configured one: its refusal of a callback shows
     * the exact string the SDK signs, whatever the genuine key is, without the genuine key.
     *
     * @param payments the vendor's record of the payments
     * @return the client; the caller closes it
     */
    PaymentGateway probe(PaymentStore payments) {
        Secret probe = Secret.of("egov-cli-probe-key-not-the-genuine-one");
        return gateway(payments, probe, probe);
    }

    private PaymentGateway gateway(PaymentStore payments, Secret checksumKey) {
        return gateway(payments, checksumKey, system == GatewayName.keypay
                ? secret(key2, KEYPAY_KEY2_VARIABLE, "--key2") : null);
    }

    private PaymentGateway gateway(PaymentStore payments, Secret checksumKey, Secret callbackKey) {
        ClientSettings settings = ClientSettings.builder().endpoint(url).readTimeout(Duration.ofSeconds(30)).build();
        if (system == GatewayName.dvcqg) {
            return DvcqgPaymentPlatformClient.builder().settings(settings).merchant(merchant, checksumKey)
                    .store(payments).build();
        }
        if (system == GatewayName.paygov) {
            PayGovClientBuilder builder = PayGovClient.builder().settings(settings).auth(paygov.auth())
                    .partner(merchant, paygov.accessKey, checksumKey).serviceCode(paygov.serviceCode)
                    .unitCode(paygov.unitCode).inferredResultVerifier().store(payments);
            if (paygov.queryPath != null) {
                builder.urlQuery(paygov.queryPath);
            }
            return builder.build();
        }
        return KeypayDvcqgClient.builder().settings(settings).credentials(merchant, checksumKey, callbackKey)
                .store(payments).build();
    }

    private Secret secret(String given, String variable, String option) {
        return SecretOption.require(given, variable, environment,
                () -> "no key for " + system + " merchant " + merchant + ": give " + option + " or set " + variable);
    }
}
