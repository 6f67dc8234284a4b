package vn.egov.sdk.payment.paygov;

import java.util.Map;
import vn.egov.sdk.payment.CallbackVerificationException;

/**
 * Checks the {@code checksum} of a PayGov result callback. PayGov does not publish how that checksum is made, so the
 * check is a plug-in: use {@link PayGovSha256ResultVerifier} (an inferred scheme, which the sandbox follows) or the
 * scheme the PayGov operator gives you. There is no "skip" implementation: a client always verifies.
 * Implementations are thread-safe and compare in constant time.
 */
@FunctionalInterface
public interface PayGovResultVerifier {
    /**
     * Verifies the callback's checksum.
     *
     * @param fields every field of the callback body as text, in body order, {@code checksum} included
     * @throws CallbackVerificationException saying why it did not verify, with the signed string (secret masked)
     */
    void verify(Map<String, String> fields);
}
