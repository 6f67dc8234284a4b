package vn.egov.sdk.spring;

/**
 * An HTTP client's endpoint settings, the part every client section under {@code egov.*} shares: its {@code url}
 * (the client bean exists only when it is set) and, inherited, its {@code connect-timeout}, {@code read-timeout}
 * and {@code deadline}. The section's rules check that the URL is an absolute {@code http} or {@code https} URL.
 */
public class EgovClientProperties extends EgovClientTimeouts {
    /** Base URL of the service; the client bean exists only when this is set. */
    private String url;

    /** Creates the settings with their defaults (nothing configured). */
    public EgovClientProperties() {
        // bound by Spring Boot
    }

    /**
     * The service's base URL.
     *
     * @return the URL, or {@code null} when the client is not configured
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the service's base URL.
     *
     * @param url an {@code http} or {@code https} URL
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * These settings as text, for the sections' {@code toString}.
     *
     * @return {@code url=…, connectTimeout=…, readTimeout=…, deadline=…}
     */
    protected String clientText() {
        return "url=" + url + ", " + timeoutsText();
    }
}
