package vn.egov.sdk.spring.actuate.internal;

/** One health check of the SDK's beans, reported by a Boot-version-specific adapter. */
@FunctionalInterface
public interface HealthCheck {
    /**
     * Runs the check.
     *
     * @return what it found; never throws
     */
    CheckResult check();
}
