package vn.egov.sdk.jdbc;

import java.util.Optional;
import java.util.UUID;

/**
 * Asked by a {@link SendOutboxRelay} before it re-sends a row that an earlier attempt may already have delivered:
 * whether the axis already holds the package, and under which {@code DocId}. A vendor implements it with what it
 * trusts (its axis portal's sent list, a receiver's confirmation); without one the relay relies on the axis'
 * answer to an identical re-upload.
 */
@FunctionalInterface
public interface DuplicateCheck {
    /**
     * Looks the package up.
     *
     * @param rowId the outbox row's id
     * @param payload the package bytes as enqueued
     * @return the axis' {@code DocId} of the package when the axis holds it, empty when it surely does not
     * @throws vn.egov.sdk.core.EgovException when the answer is not known (nothing is sent; the row waits its
     *         backoff and is asked again)
     */
    Optional<String> sentDocId(UUID rowId, byte[] payload);
}
