package vn.egov.sdk.spring.actuate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.spring.actuate.internal.EgovHealthPropertiesRules;

/**
 * The thresholds of the starter's health indicators, under {@code egov.health.*}. They validate themselves when
 * bound: a broken rule stops the start-up with a message naming the property, e.g.
 * {@code egov.health.certificate-expiry-warning must be positive (got PT0S)}.
 */
@ConfigurationProperties(prefix = "egov.health")
public class EgovHealthProperties implements Validator {
    /** How long before a signing certificate's end of validity its health turns CERTIFICATE_EXPIRING. */
    private Duration certificateExpiryWarning = Duration.ofDays(30);
    private final Outbox outbox = new Outbox();

    /** Creates the properties with their defaults. */
    public EgovHealthProperties() {
        // bound by Spring Boot
    }

    /**
     * How long before a signing certificate's end of validity its health warns.
     *
     * @return the warning period (30 days by default)
     */
    public Duration getCertificateExpiryWarning() {
        return certificateExpiryWarning;
    }

    /**
     * Sets the warning period.
     *
     * @param certificateExpiryWarning the period, positive
     */
    public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
        this.certificateExpiryWarning = certificateExpiryWarning;
    }

    /**
     * The outbox backlog thresholds.
     *
     * @return the thresholds, never {@code null}
     */
    public Outbox getOutbox() {
        return outbox;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovHealthProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovHealthPropertiesRules.check((EgovHealthProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovHealthProperties[certificateExpiryWarning=" + certificateExpiryWarning + ", outbox=" + outbox
                + "]";
    }

    /** When an outbox's backlog makes its health DOWN. */
    public static class Outbox {
        /** The most entries waiting to be sent (pending, sending or failed) that is still healthy. */
        private long maxBacklog = 1000;
        /** The longest the oldest entry due may have waited and still be healthy. */
        private Duration maxAge = Duration.ofHours(1);

        /** Creates the thresholds with their defaults. */
        public Outbox() {
            // bound by Spring Boot
        }

        /**
         * The most entries waiting that is still healthy.
         *
         * @return the count (1000 by default)
         */
        public long getMaxBacklog() {
            return maxBacklog;
        }

        /**
         * Sets the most entries waiting that is still healthy.
         *
         * @param maxBacklog the count, 0 or more
         */
        public void setMaxBacklog(long maxBacklog) {
            this.maxBacklog = maxBacklog;
        }

        /**
         * The longest the oldest due entry may wait.
         *
         * @return the age (1 hour by default)
         */
        public Duration getMaxAge() {
            return maxAge;
        }

        /**
         * Sets the longest the oldest due entry may wait.
         *
         * @param maxAge the age, positive
         */
        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        @Override
        public String toString() {
            return "Outbox[maxBacklog=" + maxBacklog + ", maxAge=" + maxAge + "]";
        }
    }
}
