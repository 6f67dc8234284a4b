package vn.egov.sdk.spring.payment.internal;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches when at least one payment system's {@code url} ({@code egov.payment.dvcqg|paygov|keypay.url}) is set. */
public final class AnyPaymentSystemConfigured extends AnyNestedCondition {
    /** Created by Spring when it evaluates the condition. */
    public AnyPaymentSystemConfigured() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "egov.payment.dvcqg", name = "url")
    static final class Dvcqg {
    }

    @ConditionalOnProperty(prefix = "egov.payment.paygov", name = "url")
    static final class PayGov {
    }

    @ConditionalOnProperty(prefix = "egov.payment.keypay", name = "url")
    static final class Keypay {
    }
}
