package vn.egov.sdk.spring.jdbc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.spring.jdbc.internal.EgovJdbcPropertiesRules;

/**
 * The settings of the SDK's stores on the application's PostgreSQL ({@code egov.jdbc.*}, module {@code sdk-jdbc}):
 * whether they replace the in-memory and file stores, whether the SDK creates its tables, the tables' prefix, this
 * node's name, and the leases and intervals of the receive coordinator and the send outbox relay.
 *
 * <p>Validated when bound: a broken rule stops the start-up with a message naming the property and the rule, e.g.
 * {@code egov.jdbc.relay.batch-size must be 1 to 1000 (got 0)}.
 */
@ConfigurationProperties(prefix = "egov.jdbc")
public class EgovJdbcProperties implements Validator {
    /** Whether the SDK's JDBC stores replace the in-memory and file ones when the application has one DataSource. */
    private boolean enabled = true;
    /** Whether the SDK creates or updates its tables at start-up (JdbcSchema.install); off: run the scripts yourself. */
    private boolean initializeSchema;
    /** Prefix of every SDK table, optionally schema-qualified (vendor.egov_); lower-case letters, digits and _. */
    private String tablePrefix = "egov_";
    /** This node's name in the claims table (who handled a package); the host name and process id when unset. */
    private String nodeId;
    /** Retention of received packages' checkpoints; keep them at least as long as the receive claims. */
    private Duration checkpointRetention = Duration.ofDays(30);
    /** Retention of sent and given-up dossier outbox entries. */
    private Duration dossierRetention = Duration.ofDays(30);
    private final Receive receive = new Receive();
    private final Relay relay = new Relay();

    /** Creates the settings with their defaults. */
    public EgovJdbcProperties() {
        // bound by Spring Boot
    }

    /**
     * Whether the JDBC stores are used.
     *
     * @return {@code true} (the default) when they are
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the JDBC stores on or off.
     *
     * @param enabled {@code false} to keep the in-memory and file stores
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Whether the SDK creates its tables at start-up.
     *
     * @return {@code false} by default
     */
    public boolean isInitializeSchema() {
        return initializeSchema;
    }

    /**
     * Asks the SDK to apply its missing schema scripts at start-up.
     *
     * @param initializeSchema {@code true} to apply them
     */
    public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    /**
     * The tables' prefix.
     *
     * @return the prefix (default {@code egov_})
     */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * Sets the tables' prefix.
     *
     * @param tablePrefix lower-case letters, digits and {@code _}, optionally schema-qualified
     */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /**
     * This node's name.
     *
     * @return the name, or {@code null} for the host name and process id
     */
    public String getNodeId() {
        return nodeId;
    }

    /**
     * Sets this node's name.
     *
     * @param nodeId 1 to 200 characters, unique among the live nodes
     */
    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    /**
     * How long checkpoints are kept.
     *
     * @return the retention (default 30 days)
     */
    public Duration getCheckpointRetention() {
        return checkpointRetention;
    }

    /**
     * Sets how long checkpoints are kept.
     *
     * @param checkpointRetention positive
     */
    public void setCheckpointRetention(Duration checkpointRetention) {
        this.checkpointRetention = checkpointRetention;
    }

    /**
     * How long finished dossier outbox entries are kept.
     *
     * @return the retention (default 30 days)
     */
    public Duration getDossierRetention() {
        return dossierRetention;
    }

    /**
     * Sets how long finished dossier outbox entries are kept.
     *
     * @param dossierRetention positive
     */
    public void setDossierRetention(Duration dossierRetention) {
        this.dossierRetention = dossierRetention;
    }

    /**
     * The receive coordinator's settings.
     *
     * @return the settings, never {@code null}
     */
    public Receive getReceive() {
        return receive;
    }

    /**
     * The send outbox relay's settings.
     *
     * @return the settings, never {@code null}
     */
    public Relay getRelay() {
        return relay;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovJdbcProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovJdbcPropertiesRules.check((EgovJdbcProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovJdbcProperties[enabled=" + enabled + ", initializeSchema=" + initializeSchema + ", tablePrefix="
                + tablePrefix + ", nodeId=" + nodeId + ", checkpointRetention=" + checkpointRetention
                + ", dossierRetention=" + dossierRetention + ", receive=" + receive + ", relay=" + relay + "]";
    }

    /** The receive coordinator: the nodes' receive loops share the axis inbox through the claims table. */
    public static class Receive {
        /** How long a claimed package stays with a node without a heartbeat; a dead node's packages wait this long. */
        private Duration lease = Duration.ofMinutes(1);
        /** How long finished claims are kept (at least 1 hour). */
        private Duration retention = Duration.ofDays(7);

        /** Creates the settings with their defaults. */
        public Receive() {
            // bound by Spring Boot
        }

        /**
         * The claim lease.
         *
         * @return the lease (default 1 minute)
         */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets the claim lease.
         *
         * @param lease at least 1 second
         */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /**
         * How long finished claims are kept.
         *
         * @return the retention (default 7 days)
         */
        public Duration getRetention() {
            return retention;
        }

        /**
         * Sets how long finished claims are kept.
         *
         * @param retention at least 1 hour
         */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        @Override
        public String toString() {
            return "Receive[lease=" + lease + ", retention=" + retention + "]";
        }
    }

    /** The send outbox relay: sends what the application recorded with JdbcSendOutbox, on every node. */
    public static class Relay {
        /** Whether this node runs a relay (it also needs one DocumentAxisClient bean). */
        private boolean enabled = true;
        /** The pause of the relay when no row is due. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** How long a claimed row is hidden from the other relays; longer than a send takes. */
        private Duration lease = Duration.ofMinutes(5);
        /** How many rows one round of the relay claims (1 to 1000). */
        private int batchSize = 10;
        /** Attempts of one row before it is marked DEAD. */
        private int maxAttempts = 20;
        /** How long sent rows (with their payload) are kept. */
        private Duration retention = Duration.ofDays(7);
        /** The axis the relay sends through when the application has several: national or lgsp (default: the only one, else national). */
        private RelayAxis axis;

        /** Creates the settings with their defaults. */
        public Relay() {
            // bound by Spring Boot
        }

        /**
         * Whether the relay runs.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the relay on or off.
         *
         * @param enabled {@code false} to run none on this node
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The pause when no row is due.
         *
         * @return the pause (default 1 s)
         */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /**
         * Sets the pause when no row is due.
         *
         * @param pollInterval positive
         */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /**
         * The lease of a claimed row.
         *
         * @return the lease (default 5 minutes)
         */
        public Duration getLease() {
            return lease;
        }

        /**
         * Sets the lease of a claimed row.
         *
         * @param lease positive
         */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /**
         * Rows claimed by one round.
         *
         * @return 1 to 1000 (default 10)
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets the rows claimed by one round.
         *
         * @param batchSize 1 to 1000
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * Attempts of one row.
         *
         * @return 1 or more (default 20)
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the attempts of one row.
         *
         * @param maxAttempts 1 or more
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * How long sent rows are kept.
         *
         * @return the retention (default 7 days)
         */
        public Duration getRetention() {
            return retention;
        }

        /**
         * Sets how long sent rows are kept.
         *
         * @param retention positive
         */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        /**
         * The axis the relay sends through.
         *
         * @return the axis, or {@code null} for the only axis client, else the national one
         */
        public RelayAxis getAxis() {
            return axis;
        }

        /**
         * Sets the axis the relay sends through.
         *
         * @param axis {@code national} or {@code lgsp}
         */
        public void setAxis(RelayAxis axis) {
            this.axis = axis;
        }

        @Override
        public String toString() {
            return "Relay[enabled=" + enabled + ", pollInterval=" + pollInterval + ", lease=" + lease
                    + ", batchSize=" + batchSize + ", maxAttempts=" + maxAttempts + ", retention=" + retention
                    + ", axis=" + axis + "]";
        }
    }

    /** The axis a send outbox relay sends through. */
    public enum RelayAxis {
        /** The national document axis (VDXP): the {@code VdxpAxisClient} bean. */
        NATIONAL,
        /** The provincial axis (LGSP): the {@code LgspAxisClient} bean. */
        LGSP
    }
}
