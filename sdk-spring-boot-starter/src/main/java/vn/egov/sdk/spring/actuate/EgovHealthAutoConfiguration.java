package vn.egov.sdk.spring.actuate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.spring.actuate.internal.Boot3HealthIndicator;
import vn.egov.sdk.spring.actuate.internal.Boot4HealthIndicator;
import vn.egov.sdk.spring.actuate.internal.HealthChecks;

/**
 * Health indicators of the SDK's beans, on Spring Boot 3 (actuator's {@code org.springframework.boot.actuate.health})
 * and Spring Boot 4 (spring-boot-health's {@code org.springframework.boot.health.contributor}), each only when the
 * bean it checks exists:
 * <ul>
 *   <li>{@code egovAxis}: every axis client reaches its axis and its credentials are accepted (DOWN with the reason
 *       "unreachable" or "credentials refused");</li>
 *   <li>{@code egovCertificate}: every signing key's certificate (sdk-signing) is valid, and not within
 *       {@code egov.health.certificate-expiry-warning} of its end ({@code CERTIFICATE_EXPIRING});</li>
 *   <li>{@code egovOutbox}: every dossier outbox's backlog is under {@code egov.health.outbox.max-backlog} and its
 *       oldest due entry younger than {@code egov.health.outbox.max-age};</li>
 *   <li>{@code egovSendOutbox}: the same thresholds for sdk-jdbc's send outbox ({@code JdbcSendOutbox} and a
 *       {@code DataSource} bean).</li>
 * </ul>
 * An application's own bean of the same name ({@code egovAxisHealthIndicator}, …) replaces the starter's.
 */
@AutoConfiguration(after = EgovAxisAutoConfiguration.class, afterName = {
        "vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration",
        "vn.egov.sdk.spring.signing.EgovSigningAutoConfiguration",
        "vn.egov.sdk.spring.dossier.EgovDossierAutoConfiguration",
        "vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration"})
@EnableConfigurationProperties(EgovHealthProperties.class)
public class EgovHealthAutoConfiguration {
    private static final String BOOT3_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
    private static final String SIGNATURE_SOURCE = "vn.egov.sdk.signing.SignatureSource";
    private static final String AXIS_CLIENT = "vn.egov.sdk.axis.DocumentAxisClient";
    private static final String DOSSIER_OUTBOX = "vn.egov.sdk.dossier.DossierOutbox";
    private static final String SEND_OUTBOX = "vn.egov.sdk.jdbc.JdbcSendOutbox";

    /** Created by Spring. */
    public EgovHealthAutoConfiguration() {
        // configuration class
    }

    /** The indicators on Spring Boot 3 (spring-boot-actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT3_INDICATOR)
    static class Boot3 {
        @Bean
        @ConditionalOnBean(type = AXIS_CLIENT)
        @ConditionalOnMissingBean(name = "egovAxisHealthIndicator")
        Boot3HealthIndicator egovAxisHealthIndicator(ListableBeanFactory beans) {
            return new Boot3HealthIndicator(HealthChecks.axis(beans));
        }

        @Bean
        @ConditionalOnClass(name = SIGNATURE_SOURCE)
        @ConditionalOnBean(type = SIGNATURE_SOURCE)
        @ConditionalOnMissingBean(name = "egovCertificateHealthIndicator")
        Boot3HealthIndicator egovCertificateHealthIndicator(ListableBeanFactory beans,
                EgovHealthProperties properties) {
            return new Boot3HealthIndicator(HealthChecks.certificates(beans, properties));
        }

        @Bean
        @ConditionalOnBean(type = DOSSIER_OUTBOX)
        @ConditionalOnMissingBean(name = "egovOutboxHealthIndicator")
        Boot3HealthIndicator egovOutboxHealthIndicator(ListableBeanFactory beans, EgovHealthProperties properties) {
            return new Boot3HealthIndicator(HealthChecks.outboxes(beans, properties));
        }

        @Bean
        @ConditionalOnClass(name = SEND_OUTBOX)
        @ConditionalOnBean(type = {SEND_OUTBOX, "javax.sql.DataSource"})
        @ConditionalOnMissingBean(name = "egovSendOutboxHealthIndicator")
        Boot3HealthIndicator egovSendOutboxHealthIndicator(ListableBeanFactory beans,
                EgovHealthProperties properties) {
            return new Boot3HealthIndicator(HealthChecks.sendOutbox(beans, properties));
        }
    }

    /** The indicators on Spring Boot 4 (spring-boot-health; Boot 3's health API is gone there). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnMissingClass(BOOT3_INDICATOR)
    static class Boot4 {
        @Bean
        @ConditionalOnBean(type = AXIS_CLIENT)
        @ConditionalOnMissingBean(name = "egovAxisHealthIndicator")
        Boot4HealthIndicator egovAxisHealthIndicator(ListableBeanFactory beans) {
            return new Boot4HealthIndicator(HealthChecks.axis(beans));
        }

        @Bean
        @ConditionalOnClass(name = SIGNATURE_SOURCE)
        @ConditionalOnBean(type = SIGNATURE_SOURCE)
        @ConditionalOnMissingBean(name = "egovCertificateHealthIndicator")
        Boot4HealthIndicator egovCertificateHealthIndicator(ListableBeanFactory beans,
                EgovHealthProperties properties) {
            return new Boot4HealthIndicator(HealthChecks.certificates(beans, properties));
        }

        @Bean
        @ConditionalOnBean(type = DOSSIER_OUTBOX)
        @ConditionalOnMissingBean(name = "egovOutboxHealthIndicator")
        Boot4HealthIndicator egovOutboxHealthIndicator(ListableBeanFactory beans, EgovHealthProperties properties) {
            return new Boot4HealthIndicator(HealthChecks.outboxes(beans, properties));
        }

        @Bean
        @ConditionalOnClass(name = SEND_OUTBOX)
        @ConditionalOnBean(type = {SEND_OUTBOX, "javax.sql.DataSource"})
        @ConditionalOnMissingBean(name = "egovSendOutboxHealthIndicator")
        Boot4HealthIndicator egovSendOutboxHealthIndicator(ListableBeanFactory beans,
                EgovHealthProperties properties) {
            return new Boot4HealthIndicator(HealthChecks.sendOutbox(beans, properties));
        }
    }
}
