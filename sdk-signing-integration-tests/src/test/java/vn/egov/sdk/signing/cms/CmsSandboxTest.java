package vn.egov.sdk.signing.cms;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * What the CMS tests share: a sandbox serving the test PKI (its timestamp authority among others), an HTTP runtime
 * for timestamp clients, and a verifier with the small test validator (issued by the test CA, valid at the time,
 * key usage; no revocation: the real validator is driven by the e2e tests).
 */
abstract class CmsSandboxTest {
    static NationalSandbox sandbox;
    static TestPki pki;
    static HttpRuntime runtime;
    static CmsVerifier verifier;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        runtime = HttpRuntime.builder().build();
        verifier = CmsVerifier.builder().validator(TestValidators.issuedBy(pki)).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        sandbox.close();
    }

    /**
     * An enveloping signature by the agency made with Bouncy Castle's streaming generator: BER, indefinite lengths.
     *
     * @param content the signed content
     * @return the CMS bytes
     */
    static byte[] berStreamed(byte[] content) throws Exception {
        SigningKey key = pki.signer(TestPki.Kind.AGENCY);
        CMSSignedDataStreamGenerator g = new CMSSignedDataStreamGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
        g.addCertificates(new JcaCertStore(key.certificateChain()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = g.open(out, true)) {
            stream.write(content);
        }
        return out.toByteArray();
    }
}
