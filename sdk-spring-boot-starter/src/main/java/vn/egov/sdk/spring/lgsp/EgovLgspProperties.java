package vn.egov.sdk.spring.lgsp;

import vn.egov.sdk.spring.EgovClientProperties;
import vn.egov.sdk.spring.EgovReceiveLoopProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.spring.lgsp.internal.EgovLgspPropertiesRules;

/**
 * The provincial document axis (LGSP v1) under {@code egov.lgsp.*}: where it is, the account and system
 * credentials, the HTTP timeouts, and the provincial receive loop. The secrets bind from the environment
 * ({@code EGOV_LGSP_PASSWORD}, {@code EGOV_LGSP_SECRET_KEY}) into {@link Secret}s and are never printed.
 *
 * <p>The properties validate themselves when bound: a broken rule stops the start-up with a message naming the
 * property and the rule, e.g. {@code egov.lgsp.username is required when egov.lgsp.url is set}.
 */
@ConfigurationProperties(prefix = "egov.lgsp")
public class EgovLgspProperties extends EgovClientProperties implements Validator {
    /** The LGSP account's user name (POST /v1/auth/login). */
    private String username;
    /** The LGSP account's password; bind it from the environment (EGOV_LGSP_PASSWORD). */
    private Secret password;
    /** The application code the account logs in with, for example QLVB. */
    private String applicationCode;
    /** This system's id on the provincial axis, sent as X-SystemId. */
    private String systemId;
    /** This system's secret key, sent as X-SecretKey; bind it from the environment (EGOV_LGSP_SECRET_KEY). */
    private Secret secretKey;
    /** How far back the list of received documents looks, in whole days (0 to 366 days). */
    private Duration lookBack = Duration.ofDays(30);
    private final Receive receive = new Receive();

    /** Creates the properties with their defaults (nothing configured). */
    public EgovLgspProperties() {
        // bound by Spring Boot
    }

    /**
     * The account's user name.
     *
     * @return the user name, or {@code null}
     */
    public String getUsername() {
        return username;
    }

    /**
     * Sets the account's user name.
     *
     * @param username the user name
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /**
     * The account's password.
     *
     * @return the password, or {@code null}
     */
    public Secret getPassword() {
        return password;
    }

    /**
     * Sets the account's password (bound from text).
     *
     * @param password the password
     */
    public void setPassword(Secret password) {
        this.password = password;
    }

    /**
     * The application code the account logs in with.
     *
     * @return the code, or {@code null}
     */
    public String getApplicationCode() {
        return applicationCode;
    }

    /**
     * Sets the application code.
     *
     * @param applicationCode the code, for example {@code QLVB}
     */
    public void setApplicationCode(String applicationCode) {
        this.applicationCode = applicationCode;
    }

    /**
     * This system's id on the axis.
     *
     * @return the id, or {@code null}
     */
    public String getSystemId() {
        return systemId;
    }

    /**
     * Sets this system's id on the axis.
     *
     * @param systemId the id
     */
    public void setSystemId(String systemId) {
        this.systemId = systemId;
    }

    /**
     * This system's secret key.
     *
     * @return the key, or {@code null}
     */
    public Secret getSecretKey() {
        return secretKey;
    }

    /**
     * Sets this system's secret key (bound from text).
     *
     * @param secretKey the key
     */
    public void setSecretKey(Secret secretKey) {
        this.secretKey = secretKey;
    }

    /**
     * How far back the list of received documents looks.
     *
     * @return the window (default 30 days)
     */
    public Duration getLookBack() {
        return lookBack;
    }

    /**
     * Sets how far back the list of received documents looks.
     *
     * @param lookBack 0 to 366 days
     */
    public void setLookBack(Duration lookBack) {
        this.lookBack = lookBack;
    }

    /**
     * The provincial receive loop's settings.
     *
     * @return the settings, never {@code null}
     */
    public Receive getReceive() {
        return receive;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovLgspProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovLgspPropertiesRules.check((EgovLgspProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovLgspProperties[" + clientText() + ", username=" + username + ", password="
                + (password == null ? "unset" : "***") + ", applicationCode=" + applicationCode + ", systemId="
                + systemId + ", secretKey=" + (secretKey == null ? "unset" : "***") + ", lookBack=" + lookBack
                + ", receive=" + receive + "]";
    }

    /**
     * The provincial receive loop: started with the application context when enabled and a handler bean exists
     * (an {@link LgspPackageHandler}, or else the application's {@code PackageHandler}).
     */
    public static class Receive extends EgovReceiveLoopProperties {
        /** Creates the settings with their defaults. */
        public Receive() {
            // bound by Spring Boot
        }
    }
}
