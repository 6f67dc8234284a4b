package vn.egov.sdk.signing.remote;

import java.util.List;

/**
 * A remote signing service (SPI): it holds the signers' keys, lists a signer's certificates, and signs hashes once the
 * signer confirms. The confirmation may come later: {@link #submit} returns a {@link SigningTransaction} that is
 * {@link TransactionStatus#PENDING pending} until the signer confirms, declines or lets it expire, and
 * {@link #status} tells where it stands. A service whose confirmation is synchronous returns a finished transaction
 * from {@link #submit}.
 *
 * <p>{@link RemoteSignatureSource} turns any implementation into a {@link vn.egov.sdk.signing.SignatureSource}.
 * Implementations must be thread-safe.
 */
public interface RemoteSigningService {

    /**
     * The certificates the service holds for a signer.
     *
     * @param userId the signer's id at the service (for SmartCA the citizen id, {@code user_id})
     * @return the certificates, possibly empty
     * @throws vn.egov.sdk.core.EgovException a subclass saying what failed and whose fault it was
     */
    List<RemoteCertificate> certificates(String userId);

    /**
     * Asks the service to sign hashes.
     *
     * @param request who signs, with which certificate, which hashes
     * @return the transaction, pending or already finished
     * @throws vn.egov.sdk.core.EgovException a subclass saying what failed and whose fault it was
     */
    SigningTransaction submit(RemoteSignRequest request);

    /**
     * Where a transaction stands now.
     *
     * @param transaction a transaction {@link #submit} returned
     * @return its current state
     * @throws vn.egov.sdk.core.EgovException a subclass saying what failed and whose fault it was
     */
    SigningTransaction status(SigningTransaction transaction);
}
