package vn.egov.sdk.signing.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/** CAdES-B/T signatures made by {@link CmsSigner} verify with {@link CmsVerifier}, in every way of making them. */
class CmsRoundTripTest extends CmsSandboxTest {
    private static final byte[] CONTENT = "Công văn số 123/UBND-VP: nội dung cần ký".getBytes(StandardCharsets.UTF_8);

    private static CmsSigner signer(TestPki.Kind kind) {
        return CmsSigner.builder().source(pki.signer(kind)).build();
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    @Test
    void detachedSignatureOfBytesIsValidAndNamesTheSigner() {
        byte[] p7s = signer(TestPki.Kind.GOOD).sign(CONTENT, CmsPackaging.DETACHED);

        ValidationReport report = only(verifier.verifyDetached(p7s, CONTENT));

        assertEquals(Indication.VALID, report.indication(), report.toString());
        assertEquals("cms[0]", report.signatureId());
        assertTrue(report.signerName().orElseThrow().contains("Nguyễn Văn An"));
        assertTrue(report.signingTime().isPresent());
        assertTrue(Duration.between(report.signingTime().get(), Instant.now()).abs().toSeconds() < 60);
        assertEquals(List.of(), report.warnings());
        assertEquals(3, report.chain().size());
    }

    @Test
    void detachedSignatureWithOtherContentIsAHashFailure() {
        byte[] p7s = signer(TestPki.Kind.GOOD).sign(CONTENT, CmsPackaging.DETACHED);

        ValidationReport report = only(verifier.verifyDetached(p7s, "other".getBytes(StandardCharsets.UTF_8)));

        assertEquals(Indication.INVALID, report.indication());
        assertEquals(SubIndication.HASH_FAILURE, report.subIndication().orElseThrow());
    }

    @Test
    void envelopingSignatureCarriesTheContentAndVerifiesFromBytesAndStream() throws Exception {
        byte[] p7m = signer(TestPki.Kind.AGENCY).sign(CONTENT, CmsPackaging.ENVELOPING);

        CMSSignedData parsed = new CMSSignedData(p7m);
        assertArrayEquals(CONTENT, (byte[]) parsed.getSignedContent().getContent());
        assertTrue(only(verifier.verify(p7m)).isValid());
        assertTrue(only(verifier.verify(new ByteArrayInputStream(p7m))).isValid());
        ValidationException misuse = assertThrows(ValidationException.class, () -> verifier.verifyDetached(p7m,
                CONTENT));
        assertEquals("cms.content.enveloped", misuse.errors().get(0).code());
    }

    @Test
    void detachedSignatureVerifiedWithoutContentIsRefusedAsMisuse() {
        byte[] p7s = signer(TestPki.Kind.GOOD).sign(CONTENT, CmsPackaging.DETACHED);

        ValidationException e = assertThrows(ValidationException.class, () -> verifier.verify(p7s));
        assertEquals("cms.content.missing", e.errors().get(0).code());
    }

    @Test
    void detachedSignatureOfALargeStreamDigestsWhileReading() {
        long size = 24L * 1024 * 1024;
        byte[] p7s = signer(TestPki.Kind.GOOD).signDetached(new PatternStream(size));

        assertTrue(only(verifier.verifyDetached(p7s, new PatternStream(size))).isValid());
        assertEquals(SubIndication.HASH_FAILURE, only(verifier.verifyDetached(p7s, new PatternStream(size - 1)))
                .subIndication().orElseThrow());
    }

    @Test
    void signedAttributesAreCadesBaseline() throws Exception {
        Instant fixed = Instant.parse("2026-03-01T02:03:04Z");
        CmsSigner cms = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .clock(Clock.fixed(fixed.plusMillis(789), ZoneOffset.UTC)).build();
        PreparedCmsSignature prepared = cms.prepare(CONTENT, CmsPackaging.DETACHED);
        assertEquals(fixed, prepared.signingTime());
        assertEquals(0x31, prepared.dataToSign().bytes()[0] & 0xff, "the DER SET of the signed attributes");
        assertArrayEquals(DigestAlgorithm.SHA256.digest(CONTENT), prepared.contentDigest());

        byte[] p7s = cms.assemble(prepared, pki.signer(TestPki.Kind.GOOD).sign(prepared.dataToSign()));
        SignerInformation info = new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
        AttributeTable attrs = info.getSignedAttributes();
        assertNotNull(attrs.get(CMSAttributes.contentType));
        assertNotNull(attrs.get(CMSAttributes.messageDigest));
        assertNotNull(attrs.get(CMSAttributes.signingTime));
        assertNotNull(attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        assertNotNull(attrs.get(CMSAttributes.cmsAlgorithmProtect));
        assertNull(info.getUnsignedAttributes());
        assertArrayEquals(prepared.dataToSign().bytes(), info.getEncodedSignedAttributes());
        assertEquals("2.16.840.1.101.3.4.2.1", info.getDigestAlgOID());
        assertEquals("1.2.840.113549.1.1.11", info.getEncryptionAlgOID());
        assertEquals(fixed, only(verifier.verifyDetached(p7s, CONTENT)).signingTime().orElseThrow());
    }

    @Test
    void signingTimeAttributeCanBeLeftOutForPades() throws Exception {
        CmsSigner cms = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).signingTimeAttribute(false).build();
        PreparedCmsSignature prepared = cms.prepareDigest(DigestAlgorithm.SHA256.digest(CONTENT));
        byte[] p7s = cms.assemble(prepared, pki.signer(TestPki.Kind.GOOD).sign(prepared.dataToSign()));

        SignerInformation info = new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
        assertNull(info.getSignedAttributes().get(CMSAttributes.signingTime));
        assertNotNull(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        ValidationReport report = only(verifier.verifyDetached(p7s, CONTENT));
        assertTrue(report.isValid(), report.toString());
        assertTrue(report.signingTime().isEmpty());
    }

    @Test
    void chainIsCarriedUnlessToldOtherwise() throws Exception {
        byte[] withChain = signer(TestPki.Kind.GOOD).sign(CONTENT, CmsPackaging.DETACHED);
        byte[] signerOnly = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).includeChain(false).build()
                .sign(CONTENT, CmsPackaging.DETACHED);

        assertEquals(2, new CMSSignedData(withChain).getCertificates().getMatches(null).size());
        assertEquals(1, new CMSSignedData(signerOnly).getCertificates().getMatches(null).size());
        assertTrue(only(verifier.verifyDetached(signerOnly, CONTENT)).isValid());
    }

    @Test
    void threeStepWithTheSignatureMadeElsewhereAsAHashSigningServiceWould() throws Exception {
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        CmsSigner cms = CmsSigner.builder().source(key).build();
        PreparedCmsSignature prepared = cms.prepare(CONTENT, CmsPackaging.ENVELOPING);

        // a remote service gets only the hash and returns a raw PKCS#1 signature over the DigestInfo
        byte[] hash = prepared.dataToSign().digest();
        assertEquals(32, hash.length);
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(key.privateKey());
        raw.update(prepared.dataToSign().digestInfo());
        byte[] p7m = cms.assemble(prepared, new SignatureValue(prepared.dataToSign().algorithm(), raw.sign()));

        assertTrue(only(verifier.verify(p7m)).isValid());
    }

    @Test
    void assemblingAValueOverOtherDataIsRefused() {
        CmsSigner cms = signer(TestPki.Kind.GOOD);
        PreparedCmsSignature prepared = cms.prepare(CONTENT, CmsPackaging.DETACHED);
        PreparedCmsSignature other = cms.prepare("khác".getBytes(StandardCharsets.UTF_8), CmsPackaging.DETACHED);
        SignatureValue wrong = pki.signer(TestPki.Kind.GOOD).sign(other.dataToSign());
        SignatureValue otherKey = pki.signer(TestPki.Kind.AGENCY).sign(prepared.dataToSign());

        assertThrows(VerificationException.class, () -> cms.assemble(prepared, wrong));
        assertThrows(VerificationException.class, () -> cms.assemble(prepared, otherKey));
    }

    @Test
    void precomputedDigestGivesTheSameVerifiableDetachedSignature() {
        CmsSigner cms = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).digest(DigestAlgorithm.SHA512)
                .build();
        byte[] p7s = cms.signDigest(DigestAlgorithm.SHA512.digest(CONTENT));

        assertTrue(only(verifier.verifyDetached(p7s, CONTENT)).isValid());
        ValidationException e = assertThrows(ValidationException.class,
                () -> cms.signDigest(DigestAlgorithm.SHA256.digest(CONTENT)));
        assertEquals("cms.digest.length", e.errors().get(0).code());
    }

    @Test
    void failingContentStreamIsTheCallersErrorNotABadSignature() {
        byte[] p7s = signer(TestPki.Kind.GOOD).sign(CONTENT, CmsPackaging.DETACHED);
        InputStream broken = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("disk gone");
            }
        };

        assertEquals("cms.content.unreadable", assertThrows(ValidationException.class,
                () -> verifier.verifyDetached(p7s, broken)).errors().get(0).code());
        assertEquals("cms.content.unreadable", assertThrows(ValidationException.class,
                () -> signer(TestPki.Kind.GOOD).signDetached(broken)).errors().get(0).code());
        assertEquals("cms.input.unreadable", assertThrows(ValidationException.class,
                () -> verifier.verify(broken)).errors().get(0).code());
    }

    @Test
    void ecdsaP256SignatureRoundTrips() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair keys = g.generateKeyPair();
        java.security.cert.X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                        new org.bouncycastle.asn1.x500.X500Name("CN=Khóa EC,C=VN"), BigInteger.TEN,
                        java.util.Date.from(Instant.now().minus(Duration.ofDays(1))),
                        java.util.Date.from(Instant.now().plus(Duration.ofDays(1))),
                        new org.bouncycastle.asn1.x500.X500Name("CN=Khóa EC,C=VN"), keys.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                                .build(keys.getPrivate())));
        byte[] p7s = CmsSigner.builder().source(SigningKey.of(keys.getPrivate(), List.of(cert))).build()
                .sign(CONTENT, CmsPackaging.DETACHED);
        // stub validator, clearly not a trust decision: accepts any certificate (the EC key is self-signed)
        CmsVerifier anyCertificate = CmsVerifier.builder().validator((signer, others, at) ->
                new vn.egov.sdk.signing.validation.CertificateValidation(Indication.VALID, java.util.Optional.empty(),
                        "stub: accepts any certificate", List.of(signer),
                        vn.egov.sdk.signing.validation.RevocationResult.notChecked("stub"), List.of())).build();

        assertTrue(only(anyCertificate.verifyDetached(p7s, CONTENT)).isValid());
        assertEquals("1.2.840.10045.4.3.2", new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next()
                .getEncryptionAlgOID());
        assertEquals(SubIndication.HASH_FAILURE, only(anyCertificate.verifyDetached(p7s, new byte[1]))
                .subIndication().orElseThrow());
    }

    @Test
    void builderRefusesMissingParts() {
        assertEquals("cms.source.missing", assertThrows(ValidationException.class,
                () -> CmsSigner.builder().build()).errors().get(0).code());
        assertEquals("cms.validator.missing", assertThrows(ValidationException.class,
                () -> CmsVerifier.builder().build()).errors().get(0).code());
    }

    @Test
    void cadesTCarriesATimestampWhoseTimeBecomesTheSigningTime() throws Exception {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        Instant claimed = Instant.now().minus(Duration.ofDays(3));
        CmsSigner cms = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).timestamps(tsa)
                .clock(Clock.fixed(claimed, ZoneOffset.UTC)).build();

        byte[] p7s = cms.sign(CONTENT, CmsPackaging.DETACHED);

        SignerInformation info = new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
        assertNotNull(info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken));
        ValidationReport report = only(verifier.verifyDetached(p7s, CONTENT));
        assertTrue(report.isValid(), report.toString());
        Instant at = report.signingTime().orElseThrow();
        assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 60, "the timestamp's time, not the claim");
        assertFalse(at.isBefore(claimed.plus(Duration.ofDays(2))));
    }

    /** A deterministic stream of {@code size} bytes, never held in memory. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long pos;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return pos < size ? (int) (pos++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (pos++ * 31 % 251);
            }
            return n;
        }
    }
}
