package vn.egov.sdk.payment.keypay.internal;

import vn.egov.sdk.payment.internal.SignedStrings;

/** The strings Keypay signs, each in its own field order. */
public final class KeypaySigned {
    private KeypaySigned() {
    }

    /**
     * The create request's and the callback's signed string.
     *
     * @param additionFee {@code addition_fee}
     * @param clientId {@code client_id}
     * @param command {@code command}
     * @param amount {@code trans_amount}
     * @param transactionId {@code transaction_id}
     * @param version {@code version}
     * @return {@code addition_fee|client_id|command|trans_amount|transaction_id|version}
     */
    public static String payment(String additionFee, String clientId, String command, String amount,
            String transactionId, String version) {
        return SignedStrings.pipeJoined(additionFee, clientId, command, amount, transactionId, version);
    }

    /**
     * The detail query's signed string.
     *
     * @param clientId {@code client_id}
     * @param command {@code command}
     * @param transactionId {@code transaction_id}
     * @return {@code client_id|command|transaction_id}
     */
    public static String detail(String clientId, String command, String transactionId) {
        return SignedStrings.pipeJoined(clientId, command, transactionId);
    }
}
