package vn.egov.sdk.spring;

import java.time.Duration;

/**
 * How long an HTTP client's calls may take: the {@code connect-timeout}, {@code read-timeout} and {@code deadline}
 * every client section under {@code egov.*} has. Each is optional; unset, the SDK's default applies. The section's
 * rules check that a value given is positive.
 */
public class EgovClientTimeouts {
    /** Time allowed to open a connection to the service (the SDK's default when unset). */
    private Duration connectTimeout;
    /** Time allowed between bytes of a reply from the service (the SDK's default when unset). */
    private Duration readTimeout;
    /** Time allowed for a whole call, retries included (the SDK's default when unset). */
    private Duration deadline;

    /** Creates the settings with their defaults (the SDK's). */
    public EgovClientTimeouts() {
        // bound by Spring Boot
    }

    /**
     * The connect timeout.
     *
     * @return the timeout, or {@code null} for the SDK's default
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout positive
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The read timeout.
     *
     * @return the timeout, or {@code null} for the SDK's default
     */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets the read timeout.
     *
     * @param readTimeout positive
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * The deadline of a whole call.
     *
     * @return the deadline, or {@code null} for the SDK's default
     */
    public Duration getDeadline() {
        return deadline;
    }

    /**
     * Sets the deadline of a whole call.
     *
     * @param deadline positive
     */
    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    /**
     * These settings as text, for the sections' {@code toString}.
     *
     * @return {@code connectTimeout=…, readTimeout=…, deadline=…}
     */
    protected String timeoutsText() {
        return "connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", deadline=" + deadline;
    }
}
