package vn.egov.sdk.jdbc;

import java.sql.Connection;
import vn.egov.sdk.axis.ReceivedPackage;

/**
 * The vendor's handler of received packages that writes its effects on the connection of the transaction that
 * also records the package's checkpoint as {@link vn.egov.sdk.axis.CheckpointState#HANDLED} (in
 * {@link JdbcCheckpointStore}'s table), so that both commit together or not at all (SPI). Wrap it with
 * {@link JdbcCheckpointStore#transactional(TransactionalPackageHandler)} (one node) or
 * {@link JdbcReceiveCoordinator#transactional(JdbcCheckpointStore, TransactionalPackageHandler)} (nodes sharing
 * the inbox) to give it to a {@link vn.egov.sdk.axis.ReceiveLoop} that uses the same checkpoint store.
 *
 * <p>A package whose transaction committed is never given to this handler again, on any node, even when its node
 * was killed right after the commit; a package whose transaction did not commit (the handler threw, the node died)
 * is handed over again, and nothing of the earlier attempt is visible.
 */
@FunctionalInterface
public interface TransactionalPackageHandler {
    /**
     * Persists one received package using {@code tx}.
     *
     * @param pkg the fetched package
     * @param tx the open transaction (auto-commit off); do not commit, roll back, close it or change its
     *        auto-commit: the SDK does
     * @throws Exception anything, meaning "not handled": the transaction is rolled back and the package offered
     *         again later
     */
    void handle(ReceivedPackage pkg, Connection tx) throws Exception;
}
