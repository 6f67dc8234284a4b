package vn.egov.sdk.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.Transformer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;

/**
 * XML-DSig of a ~10 KB edXML package (the header-only package of {@link EdXmlFixtures}, its fixture signature
 * removed), RSA-2048 with SHA-256, one thread, the SDK beside the JDK's raw {@code javax.xml.crypto} doing the same
 * work on the same bytes:
 *
 * <ul>
 *   <li>{@link #sdkSignVerify}: {@code EdXmlSigner.sign} (parse, enveloped exclusive-c14n signature after
 *       {@code TraceHeaderList}, write) then {@code EdXmlSignatureVerifier.verify} of the output (parse, structure
 *       checks, secure validation, a certificate validator that accepts without work, so that only XML-DSig is
 *       compared).</li>
 *   <li>{@link #rawSignVerify}: the hardened DOM parse, {@code XMLSignatureFactory} signing with the same
 *       algorithms and {@code KeyInfo} into the same place, the same write, then parse and {@code validate} with
 *       secure validation on and the key from the certificate.</li>
 *   <li>{@link #sdkSign}/{@link #rawSign} and {@link #sdkVerify}/{@link #rawVerify}: the halves.</li>
 * </ul>
 *
 * The target (docs/PERFORMANCE.md): SDK ≥ 0.8× raw for sign + verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms512m", "-Xmx512m"})
public class XmlDsigBenchmark {
    private static final String ED = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    byte[] unsigned;
    byte[] sdkSigned;
    byte[] rawSigned;
    PrivateKey key;
    List<X509Certificate> chain;
    EdXmlSigner signer;
    EdXmlSignatureVerifier verifier;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        DocumentPackage doc = EdXmlFixtures.headerOnlyPackage().withSignature(null);
        unsigned = EdXmlFixtures.write(doc);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair caKeys = g.generateKeyPair();
        KeyPair signerKeys = g.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=Benchmark CA, O=Test, C=VN");
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                java.math.BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                caName, java.math.BigInteger.TWO, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=Nguyễn Văn An, O=Test, C=VN"),
                signerKeys.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        key = signerKeys.getPrivate();
        chain = List.of(leaf, ca);
        signer = EdXmlSigner.builder().source(SigningKey.of(key, chain)).build();
        CertificateValidator accepts = (s, c, t) -> new CertificateValidation(Indication.VALID, Optional.empty(),
                "benchmark", List.of(s), RevocationResult.notChecked("benchmark"), List.of());
        verifier = EdXmlSignatureVerifier.builder().certificateValidator(accepts).build();
        sdkSigned = sdkSign();
        rawSigned = rawSign();
        if (!sdkVerify().isValid() || !rawVerify()) {
            throw new IllegalStateException("a fixture signature does not verify");
        }
        if (!verifier.verify(rawSigned).isValid()) {
            throw new IllegalStateException("the SDK does not verify the raw signature");
        }
        if (unsigned.length < 7 * 1024 || sdkSigned.length > 13 * 1024) {
            throw new IllegalStateException("package sizes " + unsigned.length + " / " + sdkSigned.length);
        }
    }

    @Benchmark
    public boolean sdkSignVerify() throws IOException {
        return verifier.verify(sdkSign()).isValid();
    }

    @Benchmark
    public boolean rawSignVerify() throws Exception {
        return rawVerify(rawSign());
    }

    @Benchmark
    public byte[] sdkSign() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.length + 4096);
        signer.sign(new ByteArrayInputStream(unsigned), out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] rawSign() throws Exception {
        Document doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(unsigned));
        Element header = (Element) doc.getElementsByTagNameNS(ED, "edXMLHeader").item(0);
        Node trace = doc.getElementsByTagNameNS(ED, "TraceHeaderList").item(0);
        Reference ref = FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        SignedInfo si = FACTORY.newSignedInfo(FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                List.of(ref));
        KeyInfoFactory kif = FACTORY.getKeyInfoFactory();
        List<Object> x509 = new ArrayList<>();
        x509.add(chain.get(0).getSubjectX500Principal().getName());
        x509.addAll(chain);
        XMLSignature sig = FACTORY.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newX509Data(x509))));
        sig.sign(new DOMSignContext(key, header, trace.getNextSibling()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.length + 4096);
        doc.setXmlStandalone(true);
        Transformer t = SecureXml.transformerFactory().newTransformer();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    @Benchmark
    public ValidationReport sdkVerify() {
        return verifier.verify(sdkSigned);
    }

    @Benchmark
    public boolean rawVerify() throws Exception {
        return rawVerify(rawSigned);
    }

    private boolean rawVerify(byte[] bytes) throws Exception {
        Document doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(bytes));
        Element sig = (Element) doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
        DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(chain.get(0).getPublicKey()),
                sig);
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        return FACTORY.unmarshalXMLSignature(ctx).validate(ctx);
    }
}
