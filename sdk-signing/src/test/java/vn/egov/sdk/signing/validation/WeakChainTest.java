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
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weak algorithms in the chain: certificates signed with SHA-1 make the result INDETERMINATE unless the vendor
 * accepts SHA-1 (then a warning); MD5 never passes; the root's own SHA-1 self-signature (like the real VGCA 2010
 * root's) does not count, since a root is trusted by configuration. Offline: revocation is not the point here.
 */
class WeakChainTest {
    private static final Instant NOW = Instant.now();
    private static KeyPair rootKeys;
    private static KeyPair caKeys;
    private static KeyPair signerKeys;
    private static X509Certificate sha1Root;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rootKeys = g.generateKeyPair();
        caKeys = g.generateKeyPair();
        signerKeys = g.generateKeyPair();
        sha1Root = cert("CN=Weak Root,C=VN", rootKeys, "CN=Weak Root,C=VN", rootKeys, "SHA1withRSA", true);
    }

    private static X509Certificate cert(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            String algorithm, boolean ca) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()), Date.from(NOW.minus(Duration.ofDays(10))),
                Date.from(NOW.plus(Duration.ofDays(100))), new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
    }

    private static CertificateValidation validate(String caAlg, String signerAlg, boolean acceptSha1)
            throws Exception {
        X509Certificate ca = cert("CN=Weak CA,C=VN", caKeys, "CN=Weak Root,C=VN", rootKeys, caAlg, true);
        X509Certificate signer = cert("CN=Weak Signer,C=VN", signerKeys, "CN=Weak CA,C=VN", caKeys, signerAlg, false);
        try (PkixCertificateValidator v = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(sha1Root).build())
                .revocationPolicy(RevocationPolicy.OFFLINE).acceptSha1Certificates(acceptSha1).build()) {
            return v.validate(signer, List.of(ca), NOW);
        }
    }

    @Test
    void aSha1SelfSignedRootAloneIsNotAWeakness() throws Exception {
        CertificateValidation r = validate("SHA256withRSA", "SHA256withRSA", false);
        assertEquals(Indication.VALID, r.indication(), r.reason());
    }

    @Test
    void sha1SignedCertificatesAreReportedAsWeak() throws Exception {
        CertificateValidation r = validate("SHA256withRSA", "SHA1withRSA", false);
        assertEquals(Optional.of(SubIndication.CRYPTO_CONSTRAINTS_FAILURE), r.subIndication(), r.reason());
        assertTrue(r.reason().contains("SHA1withRSA") && r.reason().contains("Weak Signer"), r.reason());
        CertificateValidation ca = validate("SHA1withRSA", "SHA256withRSA", false);
        assertEquals(Optional.of(SubIndication.CRYPTO_CONSTRAINTS_FAILURE), ca.subIndication(), ca.reason());
        assertTrue(ca.reason().contains("Weak CA"), ca.reason());
    }

    @Test
    void sha1CanBeAcceptedWithAWarning() throws Exception {
        CertificateValidation r = validate("SHA1withRSA", "SHA1withRSA", true);
        assertEquals(Indication.VALID, r.indication(), r.reason());
        assertEquals(2, r.warnings().stream().filter(w -> w.contains("SHA-1 accepted")).count(), r.warnings().toString());
    }

    @Test
    void md5IsNeverAccepted() throws Exception {
        CertificateValidation r = validate("SHA256withRSA", "MD5withRSA", true);
        assertEquals(Optional.of(SubIndication.CRYPTO_CONSTRAINTS_FAILURE), r.subIndication(), r.reason());
    }
}
