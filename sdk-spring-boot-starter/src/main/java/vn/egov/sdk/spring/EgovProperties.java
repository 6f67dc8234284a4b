package vn.egov.sdk.spring;

import java.nio.file.Path;
import java.time.Duration;
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
    public static class Receive {
        /** Whether to run the receive loop (it also needs a PackageHandler bean). */
        private boolean enabled;
        /** The checkpoint journal file; required when enabled and no CheckpointStore bean is given. */
        private Path checkpointFile;
        /** The pause between two polls of the axis. */
        private Duration interval = Duration.ofSeconds(30);
        /** Attempts of one package before it is quarantined (0 never quarantines). */
        private int maxAttempts = 5;
        /** How long stopping the context waits for a poll in progress (its handler and acks) to end. */
        private Duration stopTimeout = Duration.ofSeconds(30);

        /** Creates the settings with their defaults. */
        public Receive() {
            // bound by Spring Boot
        }

        /**
         * Whether the receive loop runs.
         *
         * @return {@code true} when enabled
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Enables or disables the receive loop.
         *
         * @param enabled {@code true} to run it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The checkpoint journal file.
         *
         * @return the file, or {@code null}
         */
        public Path getCheckpointFile() {
            return checkpointFile;
        }

        /**
         * Sets the checkpoint journal file.
         *
         * @param checkpointFile the file
         */
        public void setCheckpointFile(Path checkpointFile) {
            this.checkpointFile = checkpointFile;
        }

        /**
         * The pause between polls.
         *
         * @return the pause (default 30 s)
         */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets the pause between polls.
         *
         * @param interval positive
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /**
         * The attempt budget of one package.
         *
         * @return 0 or more (default 5)
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the attempt budget of one package.
         *
         * @param maxAttempts 0 or more
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * How long stopping waits for a poll in progress.
         *
         * @return the timeout (default 30 s)
         */
        public Duration getStopTimeout() {
            return stopTimeout;
        }

        /**
         * Sets how long stopping waits for a poll in progress.
         *
         * @param stopTimeout 0 or more
         */
        public void setStopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
        }

        @Override
        public String toString() {
            return "Receive[enabled=" + enabled + ", checkpointFile=" + checkpointFile + ", interval=" + interval
                    + ", maxAttempts=" + maxAttempts + ", stopTimeout=" + stopTimeout + "]";
        }
    }
}
