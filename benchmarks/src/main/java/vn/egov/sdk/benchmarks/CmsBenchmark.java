package vn.egov.sdk.benchmarks;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.testkit.TestPki;

/**
 * CMS of 10 KB of data, enveloping, RSA-2048 / SHA-256, signer and CA certificates included, one thread: the SDK
 * beside Bouncy Castle's own generator and verifier on the same data and key in the same run.
 *
 * <ul>
 *   <li>{@link #sdkSign}: {@code CmsSigner.sign(data, ENVELOPING)}: CAdES-B signed attributes (contentType,
 *       messageDigest, signingTime, signingCertificateV2, cmsAlgorithmProtect), three steps, the value checked
 *       against the certificate before assembly.</li>
 *   <li>{@link #rawSign}: {@code CMSSignedDataGenerator} with {@code JcaSignerInfoGeneratorBuilder} (BC's default
 *       signed attributes: contentType, messageDigest, signingTime, cmsAlgorithmProtect), the JDK's digests.</li>
 *   <li>{@link #sdkVerify}: {@code CmsVerifier.verify(bytes)} with a certificate validator that accepts without work
 *       (chain and revocation are network-bound and measured nowhere here): parse, signer lookup, BC's verify, the
 *       signing-certificate attribute, the algorithm policy.</li>
 *   <li>{@link #rawVerify}: {@code new CMSSignedData(bytes)}, the signer's certificate from the store,
 *       {@code SignerInformation.verify}.</li>
 * </ul>
 *
 * Reference targets set when the module was designed: sign ≤ 1.3 ×, verify ≤ 1.5 × Bouncy Castle's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms512m", "-Xmx512m"})
public class CmsBenchmark {
    private byte[] data;
    private SigningKey key;
    private CmsSigner signer;
    private CmsVerifier verifier;
    private byte[] sdkSigned;
    private byte[] rawSigned;
    private JcaCertStore certs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new byte[10 * 1024];
        new Random(7).nextBytes(data);
        key = TestPki.create("http://127.0.0.1:1").signer(TestPki.Kind.GOOD);
        certs = new JcaCertStore(key.certificateChain());
        signer = CmsSigner.builder().source(key).build();
        CertificateValidator accepts = (s, c, t) -> new CertificateValidation(Indication.VALID, Optional.empty(),
                "benchmark", List.of(s), RevocationResult.notChecked("benchmark"), List.of());
        verifier = CmsVerifier.builder().validator(accepts).build();
        sdkSigned = sdkSign();
        rawSigned = rawSign();
        if (!sdkVerify() || !rawVerify() || !verifier.verify(rawSigned).get(0).isValid()) {
            throw new IllegalStateException("a fixture signature does not verify");
        }
    }

    @Benchmark
    public byte[] sdkSign() {
        return signer.sign(data, CmsPackaging.ENVELOPING);
    }

    @Benchmark
    public byte[] rawSign() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
        g.addCertificates(certs);
        return g.generate(new CMSProcessableByteArray(data), true).getEncoded();
    }

    @Benchmark
    public boolean sdkVerify() {
        return verifier.verify(sdkSigned).get(0).isValid();
    }

    @Benchmark
    public boolean rawVerify() throws Exception {
        CMSSignedData cms = new CMSSignedData(rawSigned);
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(si.getSID())
                        .iterator().next());
        return si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    }
}
