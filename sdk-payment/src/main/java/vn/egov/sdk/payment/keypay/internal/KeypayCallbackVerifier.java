package vn.egov.sdk.payment.keypay.internal;

import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.internal.Checksums;

/**
 * Verifies a Keypay callback as OpenCPS does, but over UTF-8 and with the reasons spelled out: the signed string is
 * built from the configured {@code client_id}, {@code command} and {@code version}, the stored amount and fee, and the
 * callback's {@code transaction_id}, and checked with {@code hash_key_2}; so the check also proves the amount.
 */
public final class KeypayCallbackVerifier {
    /** Attribute of a {@link PaymentRecord} holding the {@code addition_fee} sent at creation. */
    public static final String FEE_ATTRIBUTE = "addition_fee";

    private final String clientId;
    private final String command;
    private final String version;
    private final long defaultFee;
    private final Checksums.PreparedHmac hashKey1;
    private final Checksums.PreparedHmac hashKey2;
    private final PaymentStore store;
    private final int maxBytes;

    /**
     * What this client is configured as: the values that enter the signed string in place of the body's.
     *
     * @param clientId the configured {@code client_id}
     * @param command the configured {@code command}
     * @param version the configured {@code version}
     */
    public record Identity(String clientId, String command, String version) {
    }

    /**
     * Creates the verifier.
     *
     * @param identity the configured client id, command and version
     * @param defaultFee the addition fee when a record holds none
     * @param hashKey1 hash_key_1 (only to diagnose a callback signed with the wrong key)
     * @param hashKey2 hash_key_2
     * @param store the vendor's records
     * @param maxBytes the largest body read
     */
    public KeypayCallbackVerifier(Identity identity, long defaultFee, Checksums.PreparedHmac hashKey1,
            Checksums.PreparedHmac hashKey2,
            PaymentStore store, int maxBytes) {
        this.clientId = identity.clientId();
        this.command = identity.command();
        this.version = identity.version();
        this.defaultFee = defaultFee;
        this.hashKey1 = hashKey1;
        this.hashKey2 = hashKey2;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /**
     * Verifies the raw body.
     *
     * @param raw the body as received
     * @return the verified callback
     * @throws CallbackVerificationException saying why it did not verify
     */
    public PaymentCallback verify(byte[] raw) {
        Map<String, String> f;
        try {
            f = KeypayWire.fields(raw, maxBytes);
        } catch (KeypayWire.Malformed e) {
            throw new CallbackVerificationException(CallbackFailure.MALFORMED, null, null,
                    "the Keypay callback is not readable: " + e.getMessage());
        }
        String txId = required(f, "transaction_id");
        String received = required(f, "check_sum");
        String status = required(f, "status");
        Optional<PaymentRecord> found = store.find(PaymentSystem.KEYPAY_DVCQG, txId);
        if (found.isEmpty()) {
            throw new CallbackVerificationException(CallbackFailure.UNKNOWN_REFERENCE, "transaction_id", null,
                    "no payment with transaction_id " + txId + " in the store: not one this vendor created");
        }
        PaymentRecord record = found.get();
        String fee = record.attributes().getOrDefault(FEE_ATTRIBUTE, Long.toString(defaultFee));
        String amount = Long.toString(record.amount());
        String signed = KeypaySigned.payment(fee, clientId, command, amount, txId, version);
        if (!Checksums.matches(hmac(hashKey2, signed), received)) {
            throw diagnose(f, signed, fee, amount, txId, received);
        }
        String bodyClient = f.get("client_id");
        if (bodyClient != null && !bodyClient.equals(clientId)) {
            throw partner(bodyClient, signed);
        }
        String bodyAmount = f.get("trans_amount");
        if (bodyAmount != null && !bodyAmount.equals(amount) || !fee.equals(f.getOrDefault("addition_fee", fee))) {
            throw new CallbackVerificationException(CallbackFailure.AMOUNT_ALTERED, "trans_amount", signed,
                    "the callback says trans_amount " + bodyAmount + " and addition_fee " + f.get("addition_fee")
                            + "; the vendor's record of " + txId + " says " + amount + " and " + fee);
        }
        PaymentState state = "0".equals(status) ? PaymentState.PAID : PaymentState.FAILED;
        return new PaymentCallback(PaymentSystem.KEYPAY_DVCQG, txId, f.getOrDefault("transaction_code", ""),
                record.amount(), state, status, f);
    }

    private CallbackVerificationException diagnose(Map<String, String> f, String signed, String fee, String amount,
            String txId, String received) {
        String bodyClient = f.get("client_id");
        if (bodyClient != null && !bodyClient.equals(clientId)) {
            return partner(bodyClient, signed);
        }
        String bodyAmount = f.getOrDefault("trans_amount", amount);
        String bodyFee = f.getOrDefault("addition_fee", fee);
        if (!bodyAmount.equals(amount) || !bodyFee.equals(fee)) {
            String asSent = KeypaySigned.payment(bodyFee, clientId, command, bodyAmount, txId, version);
            if (Checksums.matches(hmac(hashKey2, asSent), received)) {
                return new CallbackVerificationException(CallbackFailure.AMOUNT_ALTERED, "trans_amount", signed,
                        "the callback was signed over trans_amount " + bodyAmount + " and addition_fee " + bodyFee
                                + "; the vendor's record of " + txId + " says " + amount + " and " + fee);
            }
        }
        if (Checksums.matches(hmac(hashKey1, signed), received)) {
            return new CallbackVerificationException(CallbackFailure.CHECKSUM_MISMATCH, "check_sum", signed,
                    "the callback was signed with hash_key_1; Keypay signs callbacks with hash_key_2");
        }
        return new CallbackVerificationException(CallbackFailure.CHECKSUM_MISMATCH, "check_sum", signed,
                "check_sum does not match HMAC-SHA256(hash_key_2, the signed string): a wrong hash_key_2, a test key "
                        + "against production (or the reverse), or altered fields");
    }

    private CallbackVerificationException partner(String bodyClient, String signed) {
        return new CallbackVerificationException(CallbackFailure.PARTNER_MISMATCH, "client_id", signed,
                "the callback is for client_id " + bodyClient + ", this client is " + clientId);
    }

    private static String required(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isEmpty()) {
            throw new CallbackVerificationException(CallbackFailure.MISSING_FIELD, name, null,
                    "the Keypay callback has no " + name);
        }
        return v;
    }

    private static String hmac(Checksums.PreparedHmac key, String text) {
        return key.hex(text);
    }
}
