package vn.egov.sdk.spring.dossier;

import vn.egov.sdk.spring.EgovClientProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.spring.dossier.internal.EgovDossierPropertiesRules;

/**
 * One-stop-shop dossier sync with the national public-service portal (DVCQG) under {@code egov.dossier.*}: the
 * portal's integration adapter (where, the account, the unit codes, the HTTP timeouts), the outbox the sync records
 * into, the background drain, and the national catalogue. The password binds from the environment
 * ({@code EGOV_DOSSIER_PASSWORD}) into a {@link Secret} and is never printed.
 *
 * <p>The properties validate themselves when bound: a broken rule stops the start-up with a message naming the
 * property and the rule, e.g. {@code egov.dossier.dstcode is required when egov.dossier.url is set}.
 */
@ConfigurationProperties(prefix = "egov.dossier")
public class EgovDossierProperties extends EgovClientProperties implements Validator {
    /** The file outbox's journal when {@code egov.dossier.outbox.file} is not set, in the working directory. */
    public static final String DEFAULT_OUTBOX_FILE = "egov-dossier-outbox.log";

    /** The adapter account's user name. */
    private String username;
    /** The adapter account's password; bind it from the environment (EGOV_DOSSIER_PASSWORD). */
    private Secret password;
    /** The unit code (madonvi) sent in every call, for example the province's code. */
    private String madonvi;
    /** The dstcode header the portal issued to this system (visible ASCII). */
    private String dstcode;
    /** How long an adapter session is assumed to last before the client logs in again. */
    private Duration sessionLifetime = Duration.ofMinutes(30);
    private final Outbox outbox = new Outbox();
    private final Sync sync = new Sync();
    private final Catalogue catalogue = new Catalogue();

    /** Creates the properties with their defaults (nothing configured). */
    public EgovDossierProperties() {
        // bound by Spring Boot
    }

    /**
     * The adapter account's user name.
     *
     * @return the user name, or {@code null}
     */
    public String getUsername() {
        return username;
    }

    /**
     * Sets the adapter account's user name.
     *
     * @param username the user name
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /**
     * The adapter account's password.
     *
     * @return the password, or {@code null}
     */
    public Secret getPassword() {
        return password;
    }

    /**
     * Sets the adapter account's password (bound from text).
     *
     * @param password the password
     */
    public void setPassword(Secret password) {
        this.password = password;
    }

    /**
     * The unit code sent in every call.
     *
     * @return the code, or {@code null}
     */
    public String getMadonvi() {
        return madonvi;
    }

    /**
     * Sets the unit code sent in every call.
     *
     * @param madonvi the code
     */
    public void setMadonvi(String madonvi) {
        this.madonvi = madonvi;
    }

    /**
     * The {@code dstcode} header.
     *
     * @return the code, or {@code null}
     */
    public String getDstcode() {
        return dstcode;
    }

    /**
     * Sets the {@code dstcode} header.
     *
     * @param dstcode visible ASCII characters
     */
    public void setDstcode(String dstcode) {
        this.dstcode = dstcode;
    }

    /**
     * The assumed session lifetime.
     *
     * @return the lifetime (default 30 min)
     */
    public Duration getSessionLifetime() {
        return sessionLifetime;
    }

    /**
     * Sets the assumed session lifetime.
     *
     * @param sessionLifetime positive
     */
    public void setSessionLifetime(Duration sessionLifetime) {
        this.sessionLifetime = sessionLifetime;
    }

    /**
     * The outbox's settings.
     *
     * @return the settings, never {@code null}
     */
    public Outbox getOutbox() {
        return outbox;
    }

    /**
     * The background drain's settings.
     *
     * @return the settings, never {@code null}
     */
    public Sync getSync() {
        return sync;
    }

    /**
     * The national catalogue's settings.
     *
     * @return the settings, never {@code null}
     */
    public Catalogue getCatalogue() {
        return catalogue;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovDossierProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovDossierPropertiesRules.check((EgovDossierProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovDossierProperties[" + clientText() + ", username=" + username + ", password="
                + (password == null ? "unset" : "***") + ", madonvi=" + madonvi + ", dstcode=" + dstcode
                + ", sessionLifetime=" + sessionLifetime + ", outbox=" + outbox + ", sync=" + sync + ", catalogue="
                + catalogue + "]";
    }

    /**
     * The file outbox the sync records into, unless the application (or sdk-jdbc) gives a {@code DossierOutbox}
     * bean.
     */
    public static class Outbox {
        /** The file outbox's journal (used when no DossierOutbox bean is given); one process at a time. */
        private Path file = Path.of(DEFAULT_OUTBOX_FILE);
        /** How long sent and given-up entries are kept in the file outbox before they are pruned. */
        private Duration retention = Duration.ofDays(30);

        /** Creates the settings with their defaults. */
        public Outbox() {
            // bound by Spring Boot
        }

        /**
         * The file outbox's journal.
         *
         * @return the file (default {@code egov-dossier-outbox.log} in the working directory)
         */
        public Path getFile() {
            return file;
        }

        /**
         * Sets the file outbox's journal.
         *
         * @param file the file; its directory is created if missing
         */
        public void setFile(Path file) {
            this.file = file;
        }

        /**
         * How long final entries are kept.
         *
         * @return the retention (default 30 days)
         */
        public Duration getRetention() {
            return retention;
        }

        /**
         * Sets how long final entries are kept.
         *
         * @param retention positive
         */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        @Override
        public String toString() {
            return "Outbox[" + "file=" + file + ", " + "retention=" + retention + "]";
        }
    }

    /** The background drain of the outbox to the portal: started with the context, drained and stopped with it. */
    public static class Sync {
        /** Whether the sync drains in the background, started and stopped with the context. */
        private boolean enabled = true;
        /** The pause between two drains that sent something. */
        private Duration interval = Duration.ofSeconds(30);
        /** The longest pause between drains when idle or after failures (a new record wakes the drain at once). */
        private Duration maxBackoff = Duration.ofMinutes(5);
        /** Progress rows or status changes sent in one call (1 to 1000). */
        private int batchSize = 10;
        /** Sends of one entry before it is given up (0 never gives up). */
        private int maxAttempts = 100;
        /** How long stopping the context waits for a drain in progress to end. */
        private Duration stopTimeout = Duration.ofSeconds(30);
        /** Whether stopping the context drains once more what is due, after the background drain stopped. */
        private boolean drainOnStop = true;

        /** Creates the settings with their defaults. */
        public Sync() {
            // bound by Spring Boot
        }

        /**
         * Whether the drain runs with the context.
         *
         * @return {@code true} (the default) when it does
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Enables or disables the background drain.
         *
         * @param enabled {@code false} to drain from the application's own scheduler
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The pause between busy drains.
         *
         * @return the pause (default 30 s)
         */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets the pause between busy drains.
         *
         * @param interval positive
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /**
         * The longest pause between drains.
         *
         * @return the pause (default 5 min)
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the longest pause between drains.
         *
         * @param maxBackoff positive
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * The batch size.
         *
         * @return 1 to 1000 (default 10)
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets the batch size.
         *
         * @param batchSize 1 to 1000
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * The attempt budget of one entry.
         *
         * @return 0 or more (default 100)
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the attempt budget of one entry.
         *
         * @param maxAttempts 0 or more
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * How long stopping waits for a drain in progress.
         *
         * @return the timeout (default 30 s)
         */
        public Duration getStopTimeout() {
            return stopTimeout;
        }

        /**
         * Sets how long stopping waits for a drain in progress.
         *
         * @param stopTimeout 0 or more
         */
        public void setStopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
        }

        /**
         * Whether stopping drains once more.
         *
         * @return {@code true} (the default) when it does
         */
        public boolean isDrainOnStop() {
            return drainOnStop;
        }

        /**
         * Sets whether stopping drains once more.
         *
         * @param drainOnStop {@code false} to leave what is due for the next start
         */
        public void setDrainOnStop(boolean drainOnStop) {
            this.drainOnStop = drainOnStop;
        }

        @Override
        public String toString() {
            return "Sync[" + "enabled=" + enabled + ", " + "interval=" + interval + ", " +
                    "maxBackoff=" + maxBackoff + ", " + "batchSize=" + batchSize + ", " +
                    "maxAttempts=" + maxAttempts + ", " + "stopTimeout=" + stopTimeout + ", " +
                    "drainOnStop=" + drainOnStop + "]";
        }
    }

    /** The national catalogue of procedures: where its snapshot is kept and how often it is read again. */
    public static class Catalogue {
        /** The file the catalogue snapshot is kept in (in memory when unset; unused when a CatalogueCache bean exists). */
        private Path cacheFile;
        /** How often the catalogue is read again in the background (never when unset). */
        private Duration refreshInterval;
        /**
         * Whether each procedure is read again with LayThuTuc after the list (for a portal whose list holds
         * summaries).
         */
        private boolean fetchDetails = false;

        /** Creates the settings with their defaults. */
        public Catalogue() {
            // bound by Spring Boot
        }

        /**
         * The catalogue snapshot's file.
         *
         * @return the file, or {@code null} for an in-memory snapshot
         */
        public Path getCacheFile() {
            return cacheFile;
        }

        /**
         * Sets the catalogue snapshot's file.
         *
         * @param cacheFile the file, written atomically
         */
        public void setCacheFile(Path cacheFile) {
            this.cacheFile = cacheFile;
        }

        /**
         * How often the catalogue is read again.
         *
         * @return the period, or {@code null} for no background refresh
         */
        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        /**
         * Sets how often the catalogue is read again.
         *
         * @param refreshInterval positive
         */
        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }

        /**
         * Whether each procedure is read in full.
         *
         * @return {@code true} when it is
         */
        public boolean isFetchDetails() {
            return fetchDetails;
        }

        /**
         * Sets whether each procedure is read in full.
         *
         * @param fetchDetails {@code true} to read each
         */
        public void setFetchDetails(boolean fetchDetails) {
            this.fetchDetails = fetchDetails;
        }

        @Override
        public String toString() {
            return "Catalogue[" + "cacheFile=" + cacheFile + ", " +
                    "refreshInterval=" + refreshInterval + ", " + "fetchDetails=" + fetchDetails + "]";
        }
    }
}
