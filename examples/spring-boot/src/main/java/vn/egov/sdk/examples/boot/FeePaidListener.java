package vn.egov.sdk.examples.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.egov.sdk.spring.payment.PaymentResult;
import vn.egov.sdk.spring.payment.PaymentResultListener;

/**
 * Told by the starter's callback endpoint, once per payment, when the payment platform's callback verified (checksum,
 * merchant, reference, amount, time) and moved the payment to its final state: marks the dossier's fee paid or
 * failed. Throwing would leave the payment pending and make the platform send the callback again.
 */
@Component
public class FeePaidListener implements PaymentResultListener {
    private static final Logger LOG = LoggerFactory.getLogger(FeePaidListener.class);

    private final FeeBook fees;

    /**
     * Created by Spring.
     *
     * @param fees the fees
     */
    public FeePaidListener(FeeBook fees) {
        this.fees = fees;
    }

    @Override
    public void onPaymentResult(PaymentResult result) {
        if (!fees.settle(result.dossierCode(), result.paid())) {
            LOG.warn("a payment result for dossier {}, which has no fee here", result.dossierCode());
            return;
        }
        LOG.info("the fee of dossier {} is {}", result.dossierCode(), result.paid() ? "paid" : "not paid");
    }
}
