package vn.egov.sdk.spring.actuate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one health check found, independent of the Boot version that reports it.
 *
 * @param status {@code UP}, {@code DOWN} or {@value #CERTIFICATE_EXPIRING}
 * @param details what the health endpoint shows (never a secret)
 */
public record CheckResult(String status, Map<String, Object> details) {
    /** The status of a signing certificate that expires within the warning period. */
    public static final String CERTIFICATE_EXPIRING = "CERTIFICATE_EXPIRING";
    private static final List<String> SEVERITY = List.of("DOWN", CERTIFICATE_EXPIRING, "UP");

    /**
     * Copies the details.
     *
     * @param status the status
     * @param details the details
     */
    public CheckResult {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Several named results as one: the worst status, and each result's details under its name (or, for a single
     * result, its details as they are).
     *
     * @param results the results by bean name
     * @return the combined result
     */
    static CheckResult combine(Map<String, CheckResult> results) {
        if (results.size() == 1) {
            return results.values().iterator().next();
        }
        String worst = "UP";
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, CheckResult> e : results.entrySet()) {
            if (SEVERITY.indexOf(e.getValue().status()) < SEVERITY.indexOf(worst)) {
                worst = e.getValue().status();
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", e.getValue().status());
            one.putAll(e.getValue().details());
            details.put(e.getKey(), one);
        }
        return new CheckResult(worst, details);
    }
}
