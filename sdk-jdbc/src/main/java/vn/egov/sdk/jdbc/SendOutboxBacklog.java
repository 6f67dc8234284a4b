package vn.egov.sdk.jdbc;

import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link JdbcSendOutbox} holds that is not yet sent: for a health check, a metric or an operator.
 *
 * @param waiting rows still to be sent ({@code PENDING}, including those waiting for a retry, and {@code SENDING})
 * @param dead rows given up ({@code DEAD}), kept until an operator deals with them
 * @param oldestWaitingSince when the oldest waiting row was written, empty when none waits
 */
public record SendOutboxBacklog(long waiting, long dead, Optional<Instant> oldestWaitingSince) {
}
