package vn.egov.sdk.spring;

/**
 * Published (as a Spring application event) for every payment-result callback the starter's callback endpoint
 * receives, after it was verified and applied or refused: what metrics and audit listeners count.
 * Its values are few and fixed (low cardinality): never a transaction id or an amount.
 *
 * @param system the payment system: {@code dvcqg}, {@code paygov} or {@code keypay}
 * @param verified whether the callback's signature/checksum verified
 * @param outcome what came of it: {@code applied}, {@code duplicate}, {@code refused} or {@code failed}
 */
public record PaymentCallbackEvent(String system, boolean verified, String outcome) {
}
