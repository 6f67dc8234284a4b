package vn.egov.sdk.spring.actuate.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports a {@link HealthCheck} on Spring Boot 4 ({@code org.springframework.boot.health.contributor}, module
 * spring-boot-health); loaded only there.
 */
public final class Boot4HealthIndicator implements HealthIndicator {
    private final HealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the check it reports
     */
    public Boot4HealthIndicator(HealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        CheckResult r = check.check();
        return Health.status(new Status(r.status())).withDetails(r.details()).build();
    }
}
