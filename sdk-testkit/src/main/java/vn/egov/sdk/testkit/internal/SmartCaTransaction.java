package vn.egov.sdk.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SmartCA transaction as the simulator keeps it. Mutable only through {@link SmartCaStore}, under its lock.
 */
final class SmartCaTransaction {
    /** What the simulated signer does once the confirmation delay has passed. */
    enum Outcome { CONFIRM, DECLINE, EXPIRE, IGNORE }

    final String id;
    final String clientTransactionId;
    final String requestFingerprint;
    final SmartCaUser user;
    final List<Map.Entry<String, byte[]>> hashes;
    final Instant createdAt;
    final Instant dueAt;
    final Instant expiresAt;
    final Outcome outcome;
    final String tranCode;
    final boolean integrated;
    Optional<String> sad = Optional.empty();
    Instant sadExpiresAt = Instant.MIN;
    List<Map.Entry<String, String>> signatures = List.of();

    SmartCaTransaction(String id, String clientTransactionId, String requestFingerprint, SmartCaUser user,
            List<Map.Entry<String, byte[]>> hashes, Instant createdAt, Instant dueAt, Instant expiresAt,
            Outcome outcome, String tranCode, boolean integrated) {
        this.id = id;
        this.clientTransactionId = clientTransactionId;
        this.requestFingerprint = requestFingerprint;
        this.user = user;
        this.hashes = List.copyOf(hashes);
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.expiresAt = expiresAt;
        this.outcome = outcome;
        this.tranCode = tranCode;
        this.integrated = integrated;
    }
}
