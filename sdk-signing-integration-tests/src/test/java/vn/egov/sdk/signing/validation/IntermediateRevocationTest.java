package vn.egov.sdk.signing.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.testkit.TestPki;

/**
 * Revocation of an intermediate CA: when the CA's certificate names a CRL, the root's CRL is checked too, and a
 * CA revoked before the signing time makes the signature INVALID even if the signer itself is fine.
 */
class IntermediateRevocationTest {
    private static final Instant NOW = Instant.now();
    private static RogueResponder rogue;
    private static HttpRuntime http;
    private static KeyPair rootKeys;
    private static X509Certificate root;
    private static X509Certificate ca;
    private static X509Certificate signer;

    @BeforeAll
    static void start() throws Exception {
        rogue = new RogueResponder();
        http = HttpRuntime.builder().settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rootKeys = g.generateKeyPair();
        KeyPair caKeys = g.generateKeyPair();
        root = cert("CN=Root,C=VN", rootKeys, "CN=Root,C=VN", rootKeys, true, null);
        ca = cert("CN=CA,C=VN", caKeys, "CN=Root,C=VN", rootKeys, true, rogue.baseUrl() + TestPki.CRL_PATH);
        signer = cert("CN=Signer,C=VN", g.generateKeyPair(), "CN=CA,C=VN", caKeys, false, null);
    }

    @AfterAll
    static void stop() {
        http.close();
        rogue.close();
    }

    private static X509Certificate cert(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean isCa, String crlUrl) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()), Date.from(NOW.minus(Duration.ofDays(10))),
                Date.from(NOW.plus(Duration.ofDays(100))), new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature));
        if (crlUrl != null) {
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static byte[] rootCrl(Instant caRevokedAt) throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(new X500Name("CN=Root,C=VN"), Date.from(NOW.minusSeconds(60)));
        b.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(1))));
        if (caRevokedAt != null) {
            b.addCRLEntry(ca.getSerialNumber(), Date.from(caRevokedAt), CRLReason.cACompromise);
        }
        return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())).getEncoded();
    }

    private static CertificateValidation validate() {
        return PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(root).build())
                .httpRuntime(http).revocationPolicy(RevocationPolicy.SOFT_FAIL).cacheRevocation(false)
                .maxAttempts(1).build().validate(signer, List.of(ca), NOW);
    }

    @Test
    void aCaRevokedBeforeSigningInvalidatesTheSignature() throws Exception {
        byte[] crl = rootCrl(NOW.minus(Duration.ofDays(1)));
        rogue.crl(() -> crl);
        CertificateValidation r = validate();
        assertEquals(Optional.of(SubIndication.REVOKED), r.subIndication(), r.reason());
        assertTrue(r.reason().contains("the CA certificate C=VN,CN=CA") && r.reason().contains("issuing CA"),
                r.reason());
    }

    @Test
    void aCaNotRevokedLeavesTheVerdictToTheSigner() throws Exception {
        byte[] crl = rootCrl(null);
        rogue.crl(() -> crl);
        CertificateValidation r = validate();
        assertEquals(Indication.VALID, r.indication(), r.reason());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("SOFT_FAIL")), r.warnings().toString());
    }
}
