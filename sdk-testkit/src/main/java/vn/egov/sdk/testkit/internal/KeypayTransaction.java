package vn.egov.sdk.testkit.internal;

import java.util.Map;

/**
 * One transaction the Keypay simulator accepted: the create request's fields as sent, and its state.
 *
 * @param clientId {@code client_id}
 * @param transactionId {@code transaction_id}
 * @param transactionCode the simulator's own {@code transaction_code}
 * @param amount {@code trans_amount}
 * @param fee {@code addition_fee}
 * @param request every field of the create request as text
 * @param state {@code PENDING}, {@code PAID}, {@code FAILED} or {@code EXPIRED}
 */
public record KeypayTransaction(String clientId, String transactionId, String transactionCode, String amount,
        String fee, Map<String, String> request, String state) {

    /**
     * Copies the request.
     *
     * @param clientId the client
     * @param transactionId the transaction id
     * @param transactionCode the simulator's code
     * @param amount the amount
     * @param fee the fee
     * @param request the create request's fields
     * @param state the state
     */
    public KeypayTransaction {
        request = Map.copyOf(request);
    }

    /**
     * A copy in another state.
     *
     * @param newState the state
     * @return the copy
     */
    public KeypayTransaction withState(String newState) {
        return new KeypayTransaction(clientId, transactionId, transactionCode, amount, fee, request, newState);
    }

    /**
     * The detail query's and the callback's {@code status}: 0 paid, 1 pending, 2 failed, 3 expired.
     *
     * @return the code
     */
    public String statusCode() {
        return switch (state) {
            case "PAID" -> "0";
            case "FAILED" -> "2";
            case "EXPIRED" -> "3";
            default -> "1";
        };
    }
}
