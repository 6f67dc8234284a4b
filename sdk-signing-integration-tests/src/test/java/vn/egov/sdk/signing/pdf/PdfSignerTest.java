package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

class PdfSignerTest extends PdfSandboxTest {
    @Test
    void signsPadesBbThatTheSdkAndPdfsigAccept() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 2);
        Path out = dir.resolve("signed.pdf");
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).reason("Phê duyệt")
                .location("Hà Nội").build()) {
            signer.sign(in, out);
        }
        List<ValidationReport> reports = verifier.verify(out);
        assertEquals(1, reports.size());
        ValidationReport r = reports.get(0);
        assertEquals(Indication.VALID, r.indication(), r.toString());
        assertTrue(r.signerName().orElseThrow().contains("Nguyễn Văn An"));
        assertTrue(r.signingTime().isPresent(), "the /M claimed time");
        // the input is an untouched prefix of the output: an incremental update
        byte[] original = Files.readAllBytes(in);
        byte[] signed = Files.readAllBytes(out);
        assertArrayEquals(original, java.util.Arrays.copyOf(signed, original.length));
        // PAdES baseline attributes: no signing-time, signing-certificate-v2 present
        SignerInformation si = cms(out).getSignerInfos().getSigners().iterator().next();
        assertTrue(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null);
        assertTrue(si.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime) == null);
        assertTrue(si.getUnsignedAttributes() == null
                || si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) == null);

        assumeTrue(PdfFixtures.toolPresent("pdfsig", "-v"), "pdfsig (poppler-utils) not installed");
        PdfFixtures.Result p = PdfFixtures.run(List.of("pdfsig", "-nocert", out.toString()));
        assertTrue(p.output().contains("Signature is Valid"), p.output());
        assertTrue(p.output().contains("Total document signed"), p.output());
        assertTrue(p.output().contains("ETSI.CAdES.detached"), p.output());
    }

    @Test
    void signsPadesBtWithTheSandboxTimestampAuthority() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path out = dir.resolve("signed-bt.pdf");
        Instant before = Instant.now().minusSeconds(5);
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .timestampUrl(pki.tsaUrl()).build()) {
            signer.sign(in, out);
        }
        SignerInformation si = cms(out).getSignerInfos().getSigners().iterator().next();
        assertTrue(si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null);
        ValidationReport r = verifier.verify(out).get(0);
        assertEquals(Indication.VALID, r.indication(), r.toString());
        Instant t = r.signingTime().orElseThrow();
        assertTrue(t.isAfter(before) && t.isBefore(Instant.now().plusSeconds(5)), "the timestamp's time " + t);

        assumeTrue(PdfFixtures.toolPresent("pdfsig", "-v"), "pdfsig (poppler-utils) not installed");
        PdfFixtures.Result p = PdfFixtures.run(List.of("pdfsig", "-nocert", out.toString()));
        assertTrue(p.output().contains("Signature is Valid"), p.output());
    }

    @Test
    void padesBtThroughACallersTimestampClientAndAnUntrustedAuthority() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path out = dir.resolve("signed-bt-client.pdf");
        Instant claimed = Instant.now().minus(java.time.Duration.ofHours(1)).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS);
        try (TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).build()) {
            try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).timestamps(tsa)
                    .clock(java.time.Clock.fixed(claimed, java.time.ZoneOffset.UTC)).build()) {
                signer.sign(in, out);
            }
        }
        SignerInformation si = cms(out).getSignerInfos().getSigners().iterator().next();
        assertTrue(si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null);
        assertTrue(si.getSignedAttributes().get(CMSAttributes.cmsAlgorithmProtect) != null,
                "the container is the SDK's CAdES signer's (RFC 6211 algorithm protection)");

        ValidationReport trusted = verifier.verify(out).get(0);
        assertEquals(Indication.VALID, trusted.indication(), trusted.toString());
        assertTrue(trusted.signingTime().orElseThrow().isAfter(claimed.plusSeconds(60)), "the timestamp's time");

        CertificateValidator trustsNoTsa = (cert, others, at) -> {
            try {
                List<String> eku = cert.getExtendedKeyUsage();
                return (eku != null && eku.contains("1.3.6.1.5.5.7.3.8") ? TestValidators.issuedBy(
                        TestPki.create("http://127.0.0.1:1")) : TestValidators.issuedBy(pki)).validate(cert, others,
                                at);
            } catch (java.security.cert.CertificateParsingException e) {
                throw new IllegalStateException(e);
            }
        };
        ValidationReport untrusted = PdfSignatureVerifier.builder().validator(trustsNoTsa).build().verify(out).get(0);
        assertEquals(Indication.VALID, untrusted.indication(), untrusted.toString());
        assertEquals(claimed, untrusted.signingTime().orElseThrow(), "the dictionary's /M, not the timestamp");
        assertTrue(untrusted.warnings().stream().anyMatch(w -> w.contains("not trusted")),
                untrusted.warnings().toString());
    }

    @Test
    void timestampAuthorityDownFailsWithATypedError() {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .timestampUrl("http://127.0.0.1:1/tsa").build()) {
            vn.egov.sdk.signing.SigningException e = assertThrows(vn.egov.sdk.signing.SigningException.class,
                    () -> signer.sign(in, dir.resolve("out.pdf")));
            assertTrue(e.getMessage().contains("timestamp authority"), e.getMessage());
        }
    }

    @Test
    void visibleStampWithImageAndVietnameseTextEmbedsTheFont() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 2);
        Path out = dir.resolve("stamped.pdf");
        VisibleStamp stamp = VisibleStamp.at(VisibleStamp.LAST_PAGE, 330, 120, 220, 70)
                .image(PdfFixtures.sealPng()).build();
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).stamp(stamp).build()) {
            signer.sign(in, out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDSignatureField field = doc.getSignatureFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            assertEquals(doc.getPage(1).getCOSObject(), widget.getPage().getCOSObject(), "on the last page");
            assertEquals(330f, widget.getRectangle().getLowerLeftX(), 0.01);
            assertEquals(220f, widget.getRectangle().getWidth(), 0.01);
            PDAppearanceStream ap = widget.getAppearance().getNormalAppearance().getAppearanceStream();
            String text = showText(ap);
            assertTrue(text.contains("Ký bởi: Nguyễn Văn An"), text);
            assertTrue(text.contains("Cơ quan: UBND tỉnh Thử Nghiệm"), text);
            assertTrue(text.contains("Thời gian ký: "), text);
            assertTrue(text.contains("+07:00"), "ISO 8601 Vietnam time: " + text);
            assertTrue(hasImage(ap.getResources()), "the seal image is drawn");
        }
        assertEquals(Indication.VALID, verifier.verify(out).get(0).indication());
    }

    @Test
    void imageOnlyStampDrawsTheSealWithoutText() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path out = dir.resolve("sealed.pdf");
        VisibleStamp signerStamp = VisibleStamp.at(1, 330, 120, 220, 80).build();
        VisibleStamp seal = VisibleStamp.agencySealOver(signerStamp, 100, 100).image(PdfFixtures.sealPng())
                .imageOnly().build();
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).stamp(seal).build()) {
            signer.sign(in, out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDAppearanceStream ap = doc.getSignatureFields().get(0).getWidgets().get(0).getAppearance()
                    .getNormalAppearance().getAppearanceStream();
            assertEquals("", showText(ap), "no text on a seal");
            assertTrue(hasImage(ap.getResources()), "the seal image is drawn");
        }
        assertEquals(Indication.VALID, verifier.verify(out).get(0).indication());
        assertThrows(ValidationException.class, () -> VisibleStamp.at(1, 0, 0, 50, 50).imageOnly().build());
        assertThrows(ValidationException.class, () -> VisibleStamp.at(1, 0, 0, 50, 50)
                .image(PdfFixtures.sealPng()).line("text").imageOnly().build());
    }

    @Test
    void stampFontsMustCoverTheText() {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        VisibleStamp missingFile = VisibleStamp.at(1, 300, 100, 200, 60).line("Nguyễn Văn An")
                .font(dir.resolve("no-such-font.ttf")).build();
        ValidationException e1 = assertThrows(ValidationException.class, () -> sign(in, missingFile));
        assertEquals("signing.pdf.stamp.font", e1.errors().get(0).code());
        VisibleStamp noGlyph = VisibleStamp.at(1, 300, 100, 200, 60).line("Ký bởi \uD834\uDD1E").build();
        ValidationException e2 = assertThrows(ValidationException.class, () -> sign(in, noGlyph));
        assertEquals("signing.pdf.stamp.font", e2.errors().get(0).code());
        assertTrue(e2.getMessage().contains("U+1D11E"), e2.getMessage());
        VisibleStamp badPage = VisibleStamp.at(5, 300, 100, 200, 60).line("x").build();
        assertEquals("signing.pdf.stamp.page",
                assertThrows(ValidationException.class, () -> sign(in, badPage)).errors().get(0).code());
        assertThrows(ValidationException.class, () -> VisibleStamp.at(1, 0, 0, 2, 2).build());
        assertThrows(ValidationException.class, () -> VisibleStamp.at(0, 0, 0, 20, 20).build());
        assertThrows(ValidationException.class,
                () -> sign(in, VisibleStamp.at(1, 300, 100, 200, 60).image("not an image".getBytes()).build()));
    }

    @ParameterizedTest(name = "object streams: {0}")
    @ValueSource(booleans = {true, false})
    void signerAndAgencySignaturesBothStayValid(boolean compressed) throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1, compressed);
        Path first = dir.resolve("signed-1.pdf");
        Path second = dir.resolve("signed-2.pdf");
        VisibleStamp signerStamp = VisibleStamp.at(1, 330, 120, 200, 60).build();
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).stamp(signerStamp).build()) {
            s.sign(in, first);
        }
        VisibleStamp seal = VisibleStamp.agencySealOver(signerStamp, 100, 100).image(PdfFixtures.sealPng())
                .line("UBND tỉnh Thử Nghiệm").build();
        assertEquals(330 + 200 / 3f - 100, seal.x(), 0.01, "covers the left third of the signer's stamp");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).stamp(seal)
                .timestampUrl(pki.tsaUrl()).build()) {
            s.sign(first, second);
        }
        List<ValidationReport> reports = verifier.verify(second);
        assertEquals(2, reports.size());
        assertTrue(reports.get(0).signerName().orElseThrow().contains("Nguyễn Văn An"), reports.toString());
        assertTrue(reports.get(1).signerName().orElseThrow().contains("UBND"), reports.toString());
        reports.forEach(r -> assertEquals(Indication.VALID, r.indication(), r.toString()));
        assertTrue(reports.get(0).warnings().contains("later revisions only add signatures"),
                reports.get(0).warnings().toString());

        assumeTrue(PdfFixtures.toolPresent("pdfsig", "-v"), "pdfsig (poppler-utils) not installed");
        PdfFixtures.Result p = PdfFixtures.run(List.of("pdfsig", "-nocert", second.toString()));
        assertTrue(p.output().contains("Signature #2"), p.output());
        String last = p.output().substring(p.output().indexOf("Signature #2"));
        assertTrue(last.contains("Total document signed") && last.contains("Signature is Valid"), p.output());
        String firstPart = p.output().substring(0, p.output().indexOf("Signature #2"));
        assertTrue(firstPart.contains("Signature is Valid"), p.output());
    }

    @Test
    void deferredSigningSurvivesARestartAndARemoteHashSigner() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path prepared = dir.resolve("prepared.pdf");
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        // step 1: a signer that only knows the certificate (the remote service holds the key)
        PreparedPdfSignature p1;
        try (PdfSigner s = PdfSigner.builder().source(certificateOnly(key)).timestampUrl(pki.tsaUrl()).build()) {
            p1 = s.prepare(in, prepared);
        }
        byte[] hash = p1.hashToSign();
        // "restart": a new signer rebuilds the state from the prepared file alone
        try (PdfSigner s = PdfSigner.builder().source(certificateOnly(key)).timestampUrl(pki.tsaUrl()).build()) {
            PreparedPdfSignature p2 = s.resume(prepared);
            assertEquals(p1.dataToSign(), p2.dataToSign());
            assertArrayEquals(hash, p2.hashToSign());
            // step 2 elsewhere: a hash signer (RSA over the DigestInfo of the hash, as remote services do)
            Signature raw = Signature.getInstance("NONEwithRSA");
            raw.initSign(key.privateKey());
            raw.update(p2.dataToSign().digestInfo());
            byte[] value = raw.sign();
            // a wrong value is refused before anything is written
            assertEquals("signing.pdf.signatureValue", assertThrows(ValidationException.class,
                    () -> s.embed(p2, new SignatureValue(SignatureAlgorithm.RSA_SHA256, new byte[256])))
                    .errors().get(0).code());
            s.embed(p2, new SignatureValue(SignatureAlgorithm.RSA_SHA256, value));
            assertEquals("signing.pdf.notPrepared",
                    assertThrows(ValidationException.class, () -> s.resume(prepared)).errors().get(0).code());
        }
        ValidationReport r = verifier.verify(prepared).get(0);
        assertEquals(Indication.VALID, r.indication(), r.toString());
    }

    @Test
    void signsInPlaceByAppending() throws Exception {
        Path pdf = PdfFixtures.document(dir.resolve("inplace.pdf"), 2);
        byte[] original = Files.readAllBytes(pdf);
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            assertEquals("signing.pdf.path",
                    assertThrows(ValidationException.class, () -> s.prepare(pdf, pdf)).errors().get(0).code());
            s.signInPlace(pdf);
        }
        byte[] once = Files.readAllBytes(pdf);
        assertArrayEquals(original, java.util.Arrays.copyOf(once, original.length), "only appended to");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.AGENCY))
                .stamp(VisibleStamp.at(1, 300, 100, 200, 60).build()).build()) {
            s.signInPlace(pdf);
        }
        List<ValidationReport> reports = verifier.verify(pdf);
        assertEquals(2, reports.size());
        reports.forEach(r -> assertEquals(Indication.VALID, r.indication(), r.toString()));
        assumeTrue(PdfFixtures.toolPresent("pdfsig", "-v"), "pdfsig (poppler-utils) not installed");
        PdfFixtures.Result p = PdfFixtures.run(List.of("pdfsig", "-nocert", pdf.toString()));
        assertTrue(p.output().contains("Total document signed"), p.output());
    }

    @Test
    void streamsInAndOut() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(new ByteArrayInputStream(Files.readAllBytes(in)), out);
        }
        assertEquals(Indication.VALID,
                verifier.verify(new ByteArrayInputStream(out.toByteArray())).get(0).indication());
    }

    @Test
    void weakAndBadSignersAreReported() {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path sha1 = dir.resolve("sha1.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .algorithm(SignatureAlgorithm.RSA_SHA1).build()) {
            s.sign(in, sha1);
        }
        ValidationReport r1 = verifier.verify(sha1).get(0);
        assertEquals(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, r1.subIndication().orElseThrow(), r1.toString());
        Path weak = dir.resolve("rsa1024.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.WEAK_RSA_1024)).build()) {
            s.sign(in, weak);
        }
        ValidationReport r2 = verifier.verify(weak).get(0);
        assertEquals(Indication.INDETERMINATE, r2.indication(), r2.toString());
        assertTrue(r2.reason().contains("1024"), r2.reason());
        Path expired = dir.resolve("expired.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.EXPIRED)).build()) {
            s.sign(in, expired);
        }
        assertEquals(SubIndication.EXPIRED, verifier.verify(expired).get(0).subIndication().orElseThrow());
        assertThrows(ValidationException.class, () -> PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD))
                .algorithm(SignatureAlgorithm.ECDSA_SHA256).build());
    }

    @Test
    void sdkContainerVerifiesWithOpensslCms() throws Exception {
        assumeTrue(PdfFixtures.toolPresent("openssl", "version"), "openssl not installed");
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path out = dir.resolve("signed.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(in, out);
        }
        long[] br = byteRange(out);
        byte[] file = Files.readAllBytes(out);
        Path content = dir.resolve("content.bin");
        ByteArrayOutputStream signedBytes = new ByteArrayOutputStream();
        signedBytes.write(file, 0, (int) br[1]);
        signedBytes.write(file, (int) br[2], (int) br[3]);
        Files.write(content, signedBytes.toByteArray());
        Path sig = dir.resolve("sig.der");
        Files.write(sig, cms(out).getEncoded());
        Path cas = dir.resolve("cas.pem");
        Files.writeString(cas, pki.rootPem() + TestPki.pem(pki.ca()));
        PdfFixtures.Result r = PdfFixtures.run(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", sig.toString(), "-content", content.toString(), "-CAfile", cas.toString(), "-purpose", "any",
                "-out", dir.resolve("ignored").toString()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Verification successful"), r.output());
    }

    @Test
    void opensslMadeContainerVerifiesWithTheSdk() throws Exception {
        assumeTrue(PdfFixtures.toolPresent("openssl", "version"), "openssl not installed");
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path prepared = dir.resolve("external.pdf");
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        try (PdfSigner s = PdfSigner.builder().source(certificateOnly(key)).build()) {
            s.prepare(in, prepared); // only the blank signature dictionary; openssl makes the container
        }
        long[] br = byteRange(prepared);
        byte[] file = Files.readAllBytes(prepared);
        Path content = dir.resolve("content.bin");
        ByteArrayOutputStream signedBytes = new ByteArrayOutputStream();
        signedBytes.write(file, 0, (int) br[1]);
        signedBytes.write(file, (int) br[2], (int) br[3]);
        Files.write(content, signedBytes.toByteArray());
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path certPem = dir.resolve("cert.pem");
        Files.writeString(certPem, TestPki.pem(key.certificate()));
        Path caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, TestPki.pem(pki.ca()));
        Path sig = dir.resolve("openssl.der");
        PdfFixtures.Result r = PdfFixtures.run(List.of("openssl", "cms", "-sign", "-binary", "-cades", "-md",
                "sha256", "-in", content.toString(), "-signer", certPem.toString(), "-inkey", keyPem.toString(),
                "-certfile", caPem.toString(), "-outform", "DER", "-out", sig.toString(), "-nosmimecap"));
        assertEquals(0, r.exit(), r.output());
        byte[] der = Files.readAllBytes(sig);
        String hex = java.util.HexFormat.of().formatHex(der);
        byte[] hole = (hex + "0".repeat((int) (br[2] - br[1] - 2) - hex.length()))
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hole, 0, file, (int) br[1] + 1, hole.length);
        Files.write(prepared, file);
        ValidationReport report = verifier.verify(prepared).get(0);
        assertEquals(Indication.VALID, report.indication(), report.toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("signing-time")), report.warnings()
                .toString());
    }

    private void sign(Path in, VisibleStamp stamp) {
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).stamp(stamp).build()) {
            s.sign(in, dir.resolve("out.pdf"));
        }
    }

    /** A source holding only the certificate: signing must happen elsewhere. */
    static vn.egov.sdk.signing.SignatureSource certificateOnly(SigningKey key) {
        return new vn.egov.sdk.signing.SignatureSource() {
            @Override
            public List<java.security.cert.X509Certificate> certificateChain() {
                return key.certificateChain();
            }

            @Override
            public SignatureValue sign(vn.egov.sdk.signing.DataToSign data) {
                throw new AssertionError("the key is remote");
            }
        };
    }

    static long[] byteRange(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int[] br = doc.getLastSignatureDictionary().getByteRange();
            return new long[] {br[0], br[1], br[2], br[3]};
        }
    }

    static CMSSignedData cms(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            byte[] contents = doc.getLastSignatureDictionary().getContents();
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
                return new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            }
        }
    }

    /** The text shown by an appearance stream, decoded through its fonts' ToUnicode maps. */
    private static String showText(PDAppearanceStream ap) throws IOException {
        PDResources res = ap.getResources();
        StringBuilder sb = new StringBuilder();
        PDFont font = null;
        List<Object> tokens = new PDFStreamParser(ap).parse();
        Object previous = null;
        for (Object t : tokens) {
            if (t instanceof Operator op) {
                if ("Tf".equals(op.getName()) && previous != null) {
                    // font name is two tokens back; find the first font in the resources instead
                    for (COSName n : res.getFontNames()) {
                        font = res.getFont(n);
                    }
                    assertTrue(font instanceof PDType0Font && font.isEmbedded(), "an embedded Type 0 font");
                } else if ("Tj".equals(op.getName()) && previous instanceof COSString s) {
                    byte[] b = s.getBytes();
                    for (int i = 0; i + 1 < b.length; i += 2) {
                        sb.append(font.toUnicode((b[i] & 0xff) << 8 | (b[i + 1] & 0xff)));
                    }
                    sb.append('\n');
                }
            }
            previous = t;
        }
        return sb.toString();
    }

    private static boolean hasImage(PDResources res) throws IOException {
        for (COSName n : res.getXObjectNames()) {
            if (res.getXObject(n) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                return true;
            }
        }
        return false;
    }

}
