package vn.egov.sdk.signing.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/** Hostile and broken CMS signatures: each is reported for what it is, never accepted, never an exception. */
class CmsAttackTest extends CmsSandboxTest {
    private static final byte[] CONTENT = "Quyết định số 45/QĐ-UBND".getBytes(StandardCharsets.UTF_8);

    private static byte[] sign(TestPki.Kind kind, CmsPackaging packaging) {
        return CmsSigner.builder().source(pki.signer(kind)).build().sign(CONTENT, packaging);
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    private static void assertReport(Indication indication, SubIndication why, ValidationReport report) {
        assertEquals(indication, report.indication(), report.toString());
        assertEquals(why, report.subIndication().orElseThrow(), report.toString());
    }

    @Test
    void tamperedEnvelopedContentIsAHashFailure() {
        byte[] p7m = sign(TestPki.Kind.GOOD, CmsPackaging.ENVELOPING);
        byte[] changed = CONTENT.clone();
        changed[changed.length - 1] = '6';

        byte[] tampered = CmsForgery.replace(p7m, CONTENT, changed);

        assertReport(Indication.INVALID, SubIndication.HASH_FAILURE, only(verifier.verify(tampered)));
    }

    @Test
    void flippedSignatureValueIsACryptoFailure() throws Exception {
        byte[] forged = CmsForgery.withSignerInfos(sign(TestPki.Kind.GOOD, CmsPackaging.DETACHED),
                CmsForgery::withFlippedSignature);

        assertReport(Indication.INVALID, SubIndication.SIG_CRYPTO_FAILURE, only(verifier.verifyDetached(forged,
                CONTENT)));
    }

    @Test
    void swappedCertificateWithAnotherKeyFailsTheSignature() throws Exception {
        byte[] p7s = sign(TestPki.Kind.GOOD, CmsPackaging.DETACHED);
        X509Certificate real = pki.signer(TestPki.Kind.GOOD).certificate();
        KeyPair attacker = CmsForgery.rsa();
        X509Certificate fake = CmsForgery.certificate(real.getIssuerX500Principal().getName(),
                real.getSerialNumber(), "CN=Kẻ Giả Mạo,C=VN", attacker.getPublic(), attacker.getPrivate());

        ValidationReport report = only(verifier.verifyDetached(CmsForgery.withCertificates(p7s,
                List.of(fake, pki.ca())), CONTENT));

        assertReport(Indication.INVALID, SubIndication.SIG_CRYPTO_FAILURE, report);
    }

    @Test
    void swappedCertificateWithTheSameKeyIsCaughtBySigningCertificateV2() throws Exception {
        byte[] p7s = sign(TestPki.Kind.GOOD, CmsPackaging.DETACHED);
        SigningKey good = pki.signer(TestPki.Kind.GOOD);
        X509Certificate real = good.certificate();
        // the same public key in another certificate (another subject), same issuer and serial
        X509Certificate other = CmsForgery.certificate(real.getIssuerX500Principal().getName(),
                real.getSerialNumber(), "CN=Người Khác,C=VN", real.getPublicKey(), CmsForgery.rsa().getPrivate());

        ValidationReport report = only(verifier.verifyDetached(CmsForgery.withCertificates(p7s,
                List.of(other, pki.ca())), CONTENT));

        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, report);
        assertTrue(report.reason().contains("swapped certificate"), report.reason());
    }

    @Test
    void sidPointingToAnotherCarriedCertificateFails() throws Exception {
        byte[] p7s = sign(TestPki.Kind.GOOD, CmsPackaging.DETACHED);
        X509Certificate agency = pki.signer(TestPki.Kind.AGENCY).certificate();
        byte[] withAgency = CmsForgery.withCertificates(p7s, List.of(pki.signer(TestPki.Kind.GOOD).certificate(),
                agency, pki.ca()));

        byte[] forged = CmsForgery.withSignerInfos(withAgency, s -> CmsForgery.withSid(s, agency));
        ValidationReport report = only(verifier.verifyDetached(forged, CONTENT));
        assertReport(Indication.INVALID, SubIndication.SIG_CRYPTO_FAILURE, report);
        assertEquals(agency, report.signer().orElseThrow());

        byte[] nowhere = CmsForgery.withSignerInfos(p7s, s -> CmsForgery.withSid(s, agency));
        ValidationReport missing = only(verifier.verifyDetached(nowhere, CONTENT));
        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, missing);
        assertTrue(missing.signer().isEmpty());
    }

    @Test
    void twoSignersOneBrokenGiveOneReportEach() throws Exception {
        byte[] good = sign(TestPki.Kind.GOOD, CmsPackaging.DETACHED);
        byte[] agency = CmsForgery.withSignerInfos(sign(TestPki.Kind.AGENCY, CmsPackaging.DETACHED),
                CmsForgery::withFlippedSignature);

        List<ValidationReport> reports = verifier.verifyDetached(CmsForgery.merge(good, agency), CONTENT);

        assertEquals(2, reports.size());
        assertTrue(reports.get(0).isValid(), reports.get(0).toString());
        assertEquals("cms[1]", reports.get(1).signatureId());
        assertReport(Indication.INVALID, SubIndication.SIG_CRYPTO_FAILURE, reports.get(1));

        List<ValidationReport> expired = verifier.verifyDetached(CmsForgery.merge(good,
                sign(TestPki.Kind.EXPIRED, CmsPackaging.DETACHED)), CONTENT);
        assertTrue(expired.get(0).isValid());
        assertReport(Indication.INVALID, SubIndication.EXPIRED, expired.get(1));
    }

    @Test
    void backdatedSigningTimeDoesNotRescueAnExpiredCertificate() {
        // inside the EXPIRED signer's validity; signing times have second precision
        Instant claimed = pki.createdAt().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.SECONDS);
        byte[] p7s = CmsSigner.builder().source(pki.signer(TestPki.Kind.EXPIRED))
                .clock(Clock.fixed(claimed, ZoneOffset.UTC)).build().sign(CONTENT, CmsPackaging.DETACHED);

        ValidationReport report = only(verifier.verifyDetached(p7s, CONTENT));
        assertReport(Indication.INVALID, SubIndication.EXPIRED, report);
        assertEquals(claimed, report.signingTime().orElseThrow(), "the claim is still reported");

        CmsVerifier trusting = CmsVerifier.builder().validator(TestValidators.issuedBy(pki))
                .validateAtClaimedTime(true).build();
        assertTrue(only(trusting.verifyDetached(p7s, CONTENT)).isValid(), "only when the caller trusts the claim");
    }

    @Test
    void sha1SignatureIsReportedWeak() {
        byte[] p7s = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).digest(DigestAlgorithm.SHA1).build()
                .sign(CONTENT, CmsPackaging.DETACHED);

        ValidationReport report = only(verifier.verifyDetached(p7s, CONTENT));

        assertReport(Indication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE, report);
        assertTrue(report.reason().contains("SHA-1"), report.reason());
    }

    @Test
    void md5SignatureIsReportedWeak() throws Exception {
        byte[] p7s = CmsForgery.bcSigned(pki.signer(TestPki.Kind.GOOD), "MD5withRSA", CONTENT, false, true);

        ValidationReport report = only(verifier.verifyDetached(p7s, CONTENT));

        assertReport(Indication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE, report);
        assertTrue(report.reason().contains("MD5"), report.reason());
    }

    @Test
    void rsa1024SignerIsReportedWeak() {
        ValidationReport report = only(verifier.verifyDetached(sign(TestPki.Kind.WEAK_RSA_1024,
                CmsPackaging.DETACHED), CONTENT));

        assertReport(Indication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE, report);
        assertTrue(report.reason().contains("1024 bits"), report.reason());
    }

    @Test
    void signatureWithoutSignedAttributesIsRefused() throws Exception {
        byte[] p7s = CmsForgery.bcSigned(pki.signer(TestPki.Kind.GOOD), "SHA256withRSA", CONTENT, false, false);

        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, only(verifier.verifyDetached(p7s, CONTENT)));
    }

    @Test
    void selfSignedSignerIsNotTrusted() throws Exception {
        KeyPair keys = CmsForgery.rsa();
        X509Certificate self = CmsForgery.certificate("CN=Tự Ký,C=VN", BigInteger.ONE, "CN=Tự Ký,C=VN",
                keys.getPublic(), keys.getPrivate());
        byte[] p7s = CmsSigner.builder().source(SigningKey.of(keys.getPrivate(), List.of(self))).build()
                .sign(CONTENT, CmsPackaging.DETACHED);

        assertReport(Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                only(verifier.verifyDetached(p7s, CONTENT)));
    }

    @Test
    void tamperedTimestampFailsWhileTheSignatureItselfStillVerifies() throws Exception {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        byte[] p7s = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).timestamps(tsa).build()
                .sign(CONTENT, CmsPackaging.DETACHED);
        SignerInformation info = new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
        byte[] token = info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
                .getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
        byte[] flipped = token.clone();
        flipped[flipped.length - 1] ^= 0x01; // the last byte of the TSA's signature value
        byte[] tampered = CmsForgery.replace(p7s, token, flipped);

        SignerInformation tamperedInfo = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(CONTENT),
                tampered).getSignerInfos().getSigners().iterator().next();
        assertTrue(tamperedInfo.verify(new JcaSimpleSignerInfoVerifierBuilder()
                .build(pki.signer(TestPki.Kind.GOOD).certificate())), "unsigned attributes are not signed over");
        ValidationReport report = only(verifier.verifyDetached(tampered, CONTENT));
        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, report);
        assertTrue(report.reason().contains("timestamp"), report.reason());

        // a genuine token, but over other data: moved from another signature
        byte[] foreign = tsa.timestamp(Arrays.copyOf(info.getSignature(), 17)).der();
        byte[] moved = CmsForgery.withSignerInfos(p7s, s -> new org.bouncycastle.asn1.cms.SignerInfo(s.getSID(),
                s.getDigestAlgorithm(), s.getAuthenticatedAttributes(), s.getDigestEncryptionAlgorithm(),
                s.getEncryptedDigest(), new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.cms.Attribute(
                        PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new org.bouncycastle.asn1.DERSet(
                                org.bouncycastle.asn1.cms.ContentInfo.getInstance(foreign))))));
        ValidationReport movedReport = only(verifier.verifyDetached(moved, CONTENT));
        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, movedReport);
        assertTrue(movedReport.reason().contains("imprint"), movedReport.reason());
    }

    @Test
    void truncatedGarbageAndEmptyInputGiveAFormatFailureReport() {
        byte[] p7m = sign(TestPki.Kind.GOOD, CmsPackaging.ENVELOPING);
        byte[] garbage = new byte[4096];
        new SecureRandom().nextBytes(garbage);
        for (byte[] bad : List.of(Arrays.copyOf(p7m, p7m.length / 2), Arrays.copyOf(p7m, p7m.length - 1), garbage,
                new byte[0], "-----BEGIN PKCS7-----".getBytes(StandardCharsets.US_ASCII))) {
            ValidationReport report = only(verifier.verify(bad));
            assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, report);
            assertEquals("cms", report.signatureId());
        }
        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE,
                only(verifier.verifyDetached(Arrays.copyOf(p7m, 100), CONTENT)));
    }

    @Test
    void emptySignerSetAndUnlistedDigestAlgorithmAreReportedNotThrown() throws Exception {
        byte[] p7m = sign(TestPki.Kind.GOOD, CmsPackaging.ENVELOPING);
        org.bouncycastle.asn1.cms.SignedData sd = CmsForgery.signedData(p7m);

        byte[] noSigners = CmsForgery.encode(new org.bouncycastle.asn1.cms.SignedData(sd.getDigestAlgorithms(),
                sd.getEncapContentInfo(), sd.getCertificates(), null, new org.bouncycastle.asn1.DLSet()));
        assertReport(Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND, only(verifier.verify(noSigners)));

        byte[] otherDigestListed = CmsForgery.encode(new org.bouncycastle.asn1.cms.SignedData(
                new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        new org.bouncycastle.asn1.ASN1ObjectIdentifier(DigestAlgorithm.SHA512.oid()))),
                sd.getEncapContentInfo(), sd.getCertificates(), null, sd.getSignerInfos()));
        ValidationReport report = only(verifier.verify(otherDigestListed));
        assertEquals(Indication.INVALID, report.indication(), report.toString());
    }

    @Test
    void noSingleByteChangeToWhatIsSignedOrTimestampedIsAcceptedAndNoneThrows() throws Exception {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        byte[] p7m = CmsSigner.builder().source(key).timestamps(tsa).includeChain(false).build()
                .sign(CONTENT, CmsPackaging.ENVELOPING);
        SignerInformation info = new CMSSignedData(p7m).getSignerInfos().getSigners().iterator().next();
        org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(
                org.bouncycastle.asn1.cms.ContentInfo.getInstance(info.getUnsignedAttributes()
                        .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)));
        SignerInformation tsaInfo = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
        byte[] signedAttrs = info.getEncodedSignedAttributes();
        List<byte[]> protectedParts = List.of(
                Arrays.copyOf(p7m, 15), // the outer header: SEQUENCE, its length, id-signedData
                CONTENT,
                key.certificate().getEncoded(),
                Arrays.copyOfRange(signedAttrs, 1, signedAttrs.length), // tagged [0] on the wire
                info.getSignature(),
                token.getTimeStampInfo().getEncoded(),
                tsaInfo.getSignature(),
                pki.tsa().certificate().getTBSCertificate());
        boolean[] covered = new boolean[p7m.length];
        for (byte[] part : protectedParts) {
            int at = CmsForgery.indexOf(p7m, part);
            assertTrue(at >= 0, "part found");
            Arrays.fill(covered, at, at + part.length, true);
        }
        // a certificate's BOOLEANs included: BC would read a non-DER TRUE as TRUE and re-encode the certificate in
        // DER before hashing it, but the verifier refuses certificates that are not DER as received
        int checked = 0;
        for (int i = 0; i < p7m.length; i++) {
            byte[] flipped = p7m.clone();
            flipped[i] ^= 0x5a;
            List<ValidationReport> reports = verifier.verify(flipped); // never throws
            assertTrue(!reports.isEmpty());
            if (covered[i]) {
                checked++;
                assertTrue(reports.stream().noneMatch(ValidationReport::isValid), "byte " + i + " changed: "
                        + reports);
            }
        }
        assertTrue(checked > p7m.length / 2, checked + " of " + p7m.length);
    }

    @Test
    void hugeDeclaredLengthsDoNotAllocate() {
        // SEQUENCE claiming 2 GiB, then OID signedData and a [0] claiming 2 GiB: a few bytes of data
        byte[] hostile = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06, 0x09, 0x2a,
            (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02, (byte) 0xa0, (byte) 0x84, 0x7f,
            (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xe0};

        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, only(verifier.verify(hostile)));
        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE,
                only(verifier.verify(new ByteArrayInputStream(hostile))));
    }

    @Test
    void oversizedInputIsRefusedAtTheCap() {
        CmsVerifier small = CmsVerifier.builder().validator(TestValidators.issuedBy(pki)).maxInputBytes(8 * 1024)
                .build();
        byte[] big = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()
                .sign(new byte[16 * 1024], CmsPackaging.ENVELOPING);

        ValidationReport report = only(small.verify(big));
        assertReport(Indication.INVALID, SubIndication.FORMAT_FAILURE, report);
        assertTrue(report.reason().contains("limit"), report.reason());
        assertTrue(only(small.verify(new ByteArrayInputStream(big))).reason().contains("limit"));
        assertTrue(only(verifier.verify(big)).isValid(), "within the default cap");
    }

    @Test
    void berIndefiniteLengthStreamingSignatureVerifies() throws Exception {
        byte[] ber = berStreamed(CONTENT);
        assertEquals(0x80, ber[1] & 0xff, "indefinite length");

        ValidationReport report = only(verifier.verify(ber));
        assertTrue(report.isValid(), report.toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("signing-certificate")),
                "BC's generator adds no ESS attribute: " + report.warnings());

        byte[] changed = CONTENT.clone();
        changed[0] ^= 0x20;
        assertReport(Indication.INVALID, SubIndication.HASH_FAILURE,
                only(verifier.verify(CmsForgery.replace(ber, CONTENT, changed))));
    }
}
