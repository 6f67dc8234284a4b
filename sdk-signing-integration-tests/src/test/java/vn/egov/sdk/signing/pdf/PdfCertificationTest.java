package vn.egov.sdk.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * Signatures made by another implementation (PDFBox's own signing path with a Bouncy Castle CMS generator,
 * {@code adbe.pkcs7.detached}) verify with the SDK; a certification signature with DocMDP P=1 is broken by any
 * later revision, even a signature.
 */
class PdfCertificationTest extends PdfSandboxTest {
    @Test
    void pdfboxAndBouncyCastleSignatureVerifiesAndDocMdpP1ForbidsLaterRevisions() throws Exception {
        Path in = PdfFixtures.document(dir.resolve("in.pdf"), 1);
        Path certified = dir.resolve("certified.pdf");
        SigningKey key = pki.signer(TestPki.Kind.AGENCY);
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream out = Files.newOutputStream(certified)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setSignDate(java.util.Calendar.getInstance());
            COSDictionary params = new COSDictionary();
            params.setItem(COSName.TYPE, COSName.TRANSFORM_PARAMS);
            params.setInt(COSName.P, 1);
            params.setName(COSName.V, "1.2");
            COSDictionary ref = new COSDictionary();
            ref.setItem(COSName.TYPE, COSName.SIG_REF);
            ref.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
            ref.setItem(COSName.TRANSFORM_PARAMS, params);
            COSArray refs = new COSArray();
            refs.add(ref);
            sig.getCOSObject().setItem(COSName.REFERENCE, refs);
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.DOCMDP, sig);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
            doc.addSignature(sig, content -> {
                try {
                    CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                    gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()),
                                    key.certificate()));
                    gen.addCertificates(new JcaCertStore(key.certificateChain()));
                    return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            });
            doc.saveIncremental(out);
        }
        ValidationReport alone = verifier.verify(certified).get(0);
        assertEquals(Indication.VALID, alone.indication(), alone.toString());
        assertTrue(alone.warnings().stream().anyMatch(w -> w.contains("signing-certificate")), alone.warnings()
                .toString());

        Path countersigned = dir.resolve("countersigned.pdf");
        try (PdfSigner s = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            s.sign(certified, countersigned);
        }
        List<ValidationReport> reports = verifier.verify(countersigned);
        assertEquals(SubIndication.HASH_FAILURE, reports.get(0).subIndication().orElseThrow(), reports.toString());
        assertTrue(reports.get(0).reason().contains("DocMDP"), reports.get(0).reason());
        assertEquals(Indication.VALID, reports.get(1).indication(), reports.get(1).toString());
    }
}
