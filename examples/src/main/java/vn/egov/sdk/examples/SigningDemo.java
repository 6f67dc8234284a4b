package vn.egov.sdk.examples;

import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * What the signing examples share: keys and a validator from the sandbox's test PKI.
 *
 * <p>Against the real platforms, load the key with {@code SigningKey.fromPkcs12(...)} or
 * {@code SigningKey.fromPkcs11(...)} (a USB token), and build the trust store from the pinned Vietnamese roots:
 * {@code TrustStore.builder().pinned(VietnamTrustAnchors.VGCA_ROOT_G2, file)}.
 */
final class SigningDemo {
    private SigningDemo() {
    }

    /** A signer's key from the sandbox's test PKI. */
    static SigningKey key(NationalSandbox sandbox, TestPki.Kind kind) {
        return sandbox.pki().signer(kind);
    }

    /**
     * A validator trusting the test PKI's root, checking revocation online (OCSP, then CRL, both served by the
     * sandbox) and failing hard when no answer comes. Close it when done.
     */
    static PkixCertificateValidator validator(NationalSandbox sandbox) {
        return PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(sandbox.pki().root()).build())
                .revocationPolicy(RevocationPolicy.HARD_FAIL)
                .build();
    }

    /** Signs outgoing edXML packages with {@code kind}'s key and verifies incoming ones with {@code validator}. */
    static EdXmlAxisSignatures edxml(NationalSandbox sandbox, TestPki.Kind kind,
            PkixCertificateValidator validator) {
        return EdXmlAxisSignatures.of(EdXmlSigner.builder().source(key(sandbox, kind)).build(),
                EdXmlSignatureVerifier.builder().certificateValidator(validator).build());
    }
}
