package vn.egov.sdk.spring.actuate.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import vn.egov.sdk.jdbc.JdbcSendOutbox;
import vn.egov.sdk.jdbc.SendOutboxBacklog;

/**
 * Whether sdk-jdbc's send outbox keeps up: {@code DOWN} when more packages wait to be sent than the threshold, or
 * the oldest has waited longer than the threshold (the relay is stuck or the axis refuses). The details give the
 * waiting and dead counts and the oldest waiting row's age, never a package.
 */
public final class SendOutboxBacklogCheck implements HealthCheck {
    private final JdbcSendOutbox outbox;
    private final DataSource dataSource;
    private final long maxBacklog;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * Creates the check.
     *
     * @param outbox the outbox
     * @param dataSource the database holding it
     * @param maxBacklog the most packages waiting that is still healthy
     * @param maxAge the longest the oldest waiting package may wait and still be healthy
     * @param clock the current time
     */
    public SendOutboxBacklogCheck(JdbcSendOutbox outbox, DataSource dataSource, long maxBacklog, Duration maxAge,
            Clock clock) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.maxBacklog = maxBacklog;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public CheckResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        SendOutboxBacklog backlog;
        try {
            backlog = outbox.backlog(dataSource);
        } catch (RuntimeException e) {
            details.put("reason", "the send outbox cannot be read: " + e.getMessage());
            return new CheckResult("DOWN", details);
        }
        Instant now = clock.instant();
        Duration age = backlog.oldestWaitingSince().map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
        details.put("waiting", backlog.waiting());
        details.put("dead", backlog.dead());
        details.put("oldestWaitingAge", age.toString());
        if (backlog.waiting() > maxBacklog) {
            details.put("reason", backlog.waiting() + " packages wait to be sent, more than "
                    + "egov.health.outbox.max-backlog (" + maxBacklog + ")");
            return new CheckResult("DOWN", details);
        }
        if (age.compareTo(maxAge) > 0) {
            details.put("reason", "the oldest package waiting has waited " + age + ", longer than "
                    + "egov.health.outbox.max-age (" + maxAge + ")");
            return new CheckResult("DOWN", details);
        }
        return new CheckResult("UP", details);
    }
}
