package vn.egov.sdk.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.spring.internal.EgovPropertiesRules;

/**
 * The SDK's settings under {@code egov.*}, bound by Spring Boot from {@code application.properties}/{@code .yml},
 * the environment ({@code EGOV_AXIS_SECRET} binds {@code egov.axis.secret}) or any other property source.
 *
 * <p>The properties validate themselves when bound (Boot runs a {@link Validator} that the bound object is): a
 * broken rule stops the application's start-up with a message naming the property and the rule, e.g.
 * {@code egov.axis.system-id is required when egov.axis.url is set}. Secrets are held as {@link Secret}s and never
 * printed: {@link #toString()} redacts them.
 */
@ConfigurationProperties(prefix = "egov")
public class EgovProperties implements Validator {
    private final Axis axis = new Axis();

    /** Creates the properties with their defaults (nothing configured). */
    public EgovProperties() {
        // bound by Spring Boot
    }

    /**
     * The national document axis (VDXP).
     *
     * @return the axis settings, never {@code null}
     */
    public Axis getAxis() {
        return axis;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovPropertiesRules.check((EgovProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovProperties[axis=" + axis + "]";
    }

    /** The national document axis (VDXP): where it is, who this system is, how long calls may take. */
    public static class Axis extends EgovClientProperties {
        /** This system's identifier on the axis, as registered with the axis operator. */
        private String systemId;
        /** This system's secret on the axis; bind it from the environment ({@code EGOV_AXIS_SECRET}). */
        private Secret secret;
        private final Receive receive = new Receive();

        /** Creates the settings with their defaults. */
        public Axis() {
            // bound by Spring Boot
        }

        /**
         * This system's identifier on the axis.
         *
         * @return the identifier, or {@code null}
         */
        public String getSystemId() {
            return systemId;
        }

        /**
         * Sets this system's identifier on the axis.
         *
         * @param systemId the identifier
         */
        public void setSystemId(String systemId) {
            this.systemId = systemId;
        }

        /**
         * This system's secret on the axis.
         *
         * @return the secret, or {@code null}
         */
        public Secret getSecret() {
            return secret;
        }

        /**
         * Sets this system's secret on the axis (bound from text).
         *
         * @param secret the secret
         */
        public void setSecret(Secret secret) {
            this.secret = secret;
        }

        /**
         * The receive loop's settings.
         *
         * @return the settings, never {@code null}
         */
        public Receive getReceive() {
            return receive;
        }

        @Override
        public String toString() {
            return "Axis[" + clientText() + ", systemId=" + systemId + ", secret="
                    + (secret == null ? "unset" : "***") + ", receive=" + receive + "]";
        }
    }

    /** The receive loop: started with the application context when enabled and a {@code PackageHandler} bean exists. */
    public static class Receive extends EgovReceiveLoopProperties {
        /** Creates the settings with their defaults. */
        public Receive() {
            // bound by Spring Boot
        }
    }
}
