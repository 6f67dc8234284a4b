package vn.egov.sdk.testkit.internal;

import java.net.URI;

/**
 * One PayGov transaction in the simulator: what the vendor asked for and where it stands. Mutable under the
 * simulator's lock only.
 */
final class PayGovTransaction {
    /** Where a transaction stands. */
    enum State { PENDING, PAID, FAILED, EXPIRED }

    final String partnerCode;
    final String orderId;
    final String requestCode;
    final long amount;
    final String orderInfo;
    final URI returnUrl;
    final String transactionNo;
    State state = State.PENDING;
    String errorCode = "99";
    String payDate = "";
    String paygate = "";

    PayGovTransaction(String partnerCode, String orderId, String requestCode, long amount, String orderInfo,
            URI returnUrl, String transactionNo) {
        this.partnerCode = partnerCode;
        this.orderId = orderId;
        this.requestCode = requestCode;
        this.amount = amount;
        this.orderInfo = orderInfo;
        this.returnUrl = returnUrl;
        this.transactionNo = transactionNo;
    }
}
