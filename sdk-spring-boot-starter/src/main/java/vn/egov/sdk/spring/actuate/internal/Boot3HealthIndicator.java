package vn.egov.sdk.spring.actuate.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** Reports a {@link HealthCheck} on Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
public final class Boot3HealthIndicator implements HealthIndicator {
    private final HealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the check it reports
     */
    public Boot3HealthIndicator(HealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        CheckResult r = check.check();
        return Health.status(new Status(r.status())).withDetails(r.details()).build();
    }
}
