package vn.egov.sdk.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where signature values come from (step 2 of three-step signing): a local key ({@link SigningKey}), a PKCS#11
 * token, an HSM, or a remote signing service. Formats call {@link #certificateChain()} while preparing the data to
 * sign (the signer certificate is itself signed over in XAdES/CAdES/PAdES) and {@link #sign} once.
 *
 * <p>Implementations must be safe to call from several threads, or say otherwise.
 */
public interface SignatureSource {

    /**
     * The signer certificate first, then its intermediates (the root may be left out). Never empty.
     *
     * @return the chain with the signer certificate at index 0; never empty
     */
    List<X509Certificate> certificateChain();

    /**
     * Signs the data.
     *
     * @param data the bytes and algorithm a format prepared
     * @return the signature value, made with {@code data.algorithm()}
     * @throws SigningException if the key, token or service fails or refuses
     */
    SignatureValue sign(DataToSign data);

    /**
     * The signer certificate.
     *
     * @return the first certificate of {@link #certificateChain()}
     */
    default X509Certificate certificate() {
        return certificateChain().get(0);
    }

    /**
     * The algorithm used when a format is given none: SHA-256 with the certificate's key type.
     *
     * @return the SHA-256 algorithm for the signer certificate's key type (RSA or ECDSA)
     */
    default SignatureAlgorithm defaultAlgorithm() {
        return SignatureAlgorithm.of(certificate().getPublicKey(), DigestAlgorithm.SHA256);
    }
}
