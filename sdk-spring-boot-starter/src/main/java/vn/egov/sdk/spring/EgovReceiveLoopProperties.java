package vn.egov.sdk.spring;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A receive loop's settings, the part the national ({@code egov.axis.receive}) and provincial
 * ({@code egov.lgsp.receive}) loops share: whether it runs, its checkpoint journal, its pace, the attempt budget
 * of one package and how long stopping waits. The section's rules check the ranges.
 */
public class EgovReceiveLoopProperties {
    /** Whether to run the receive loop (it also needs a package handler bean). */
    private boolean enabled;
    /** The loop's checkpoint journal file; required when enabled and no checkpoint store bean is given. */
    private Path checkpointFile;
    /** The pause between two polls of the axis. */
    private Duration interval = Duration.ofSeconds(30);
    /** Attempts of one package before it is quarantined (0 never quarantines). */
    private int maxAttempts = 5;
    /** How long stopping the context waits for a poll in progress (its handler and acks) to end. */
    private Duration stopTimeout = Duration.ofSeconds(30);
    /**
     * Where the raw bytes of quarantined packages are kept; by default beside the checkpoint journal of a file store,
     * else {@code egov-quarantine} in the working directory.
     */
    private Path quarantineDirectory;

    /** Creates the settings with their defaults. */
    public EgovReceiveLoopProperties() {
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
     * Sets the checkpoint journal file (each loop has its own).
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

    /**
     * Where quarantined packages are kept.
     *
     * @return the directory, or {@code null} for the receive loop's default
     */
    public Path getQuarantineDirectory() {
        return quarantineDirectory;
    }

    /**
     * Sets where quarantined packages are kept.
     *
     * @param quarantineDirectory the directory (created when needed)
     */
    public void setQuarantineDirectory(Path quarantineDirectory) {
        this.quarantineDirectory = quarantineDirectory;
    }

    @Override
    public String toString() {
        return "Receive[enabled=" + enabled + ", checkpointFile=" + checkpointFile + ", interval=" + interval
                + ", maxAttempts=" + maxAttempts + ", stopTimeout=" + stopTimeout
                + ", quarantineDirectory=" + quarantineDirectory + "]";
    }
}
