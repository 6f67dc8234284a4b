package vn.egov.sdk.signing.internal.cms;

import java.security.PublicKey;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Bouncy Castle signer-info verifiers over the JDK's providers, with the stateless parts made once (building them
 * per signature costs about as much as parsing the signature).
 */
final class Verifiers {
    private static final DefaultCMSSignatureAlgorithmNameGenerator NAMES =
            new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final DefaultSignatureAlgorithmIdentifierFinder FINDER =
            new DefaultSignatureAlgorithmIdentifierFinder();
    private static final JcaContentVerifierProviderBuilder CONTENT = new JcaContentVerifierProviderBuilder();
    private static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Verifiers() {
    }

    /**
     * A verifier for a public key alone: the certificate's validity at the signing time is not checked here (the
     * certificate validator decides it).
     */
    static SignerInformationVerifier forKey(PublicKey key) throws OperatorCreationException {
        return new SignerInformationVerifier(NAMES, FINDER, CONTENT.build(key), DIGESTS);
    }
}
