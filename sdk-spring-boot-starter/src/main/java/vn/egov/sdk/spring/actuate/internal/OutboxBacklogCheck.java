package vn.egov.sdk.spring.actuate.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxState;

/**
 * Whether each dossier outbox keeps up: {@code DOWN} when more entries wait than the threshold, or the oldest
 * entry due has waited longer than the threshold (the drain is stuck or the portal refuses). The details give the
 * count in each state and the oldest due entry's age, never an entry's content.
 */
public final class OutboxBacklogCheck implements HealthCheck {
    private final Map<String, DossierOutbox> outboxes;
    private final long maxBacklog;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * Creates the check.
     *
     * @param outboxes the outboxes by bean name
     * @param maxBacklog the most entries waiting (pending, sending or failed) that is still healthy
     * @param maxAge the longest the oldest due entry may wait and still be healthy
     * @param clock the current time
     */
    public OutboxBacklogCheck(Map<String, DossierOutbox> outboxes, long maxBacklog, Duration maxAge, Clock clock) {
        this.outboxes = Map.copyOf(outboxes);
        this.maxBacklog = maxBacklog;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public CheckResult check() {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        outboxes.forEach((name, outbox) -> results.put(name, check(outbox)));
        return CheckResult.combine(results);
    }

    private CheckResult check(DossierOutbox outbox) {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<OutboxState, Long> counts;
        List<OutboxEntry> oldest;
        Instant now = clock.instant();
        try {
            counts = outbox.counts();
            oldest = outbox.due(1, now);
        } catch (RuntimeException e) {
            details.put("reason", "the outbox cannot be read: " + e.getClass().getSimpleName());
            return new CheckResult("DOWN", details);
        }
        long backlog = 0;
        for (OutboxState state : OutboxState.values()) {
            long n = counts.getOrDefault(state, 0L);
            details.put(state.name().toLowerCase(java.util.Locale.ROOT), n);
            if (!state.isFinal()) {
                backlog += n;
            }
        }
        details.put("backlog", backlog);
        Duration age = oldest.isEmpty() ? Duration.ZERO : Duration.between(oldest.get(0).enqueuedAt(), now);
        details.put("oldestDueAge", age.toString());
        if (backlog > maxBacklog) {
            details.put("reason", backlog + " entries wait to be sent, more than egov.health.outbox.max-backlog ("
                    + maxBacklog + ")");
            return new CheckResult("DOWN", details);
        }
        if (age.compareTo(maxAge) > 0) {
            details.put("reason", "the oldest entry due has waited " + age + ", longer than egov.health.outbox.max-age ("
                    + maxAge + ")");
            return new CheckResult("DOWN", details);
        }
        return new CheckResult("UP", details);
    }
}
