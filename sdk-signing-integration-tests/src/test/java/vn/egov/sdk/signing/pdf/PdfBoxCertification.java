package vn.egov.sdk.signing.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
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
import vn.egov.sdk.signing.SigningKey;

/**
 * Certification signatures made by another implementation than the SDK's: PDFBox's own signing path with a Bouncy
 * Castle CMS generator ({@code adbe.pkcs7.detached}, SHA-256 with RSA), carrying a DocMDP transform.
 */
final class PdfBoxCertification {
    private PdfBoxCertification() {
    }

    /**
     * Certifies {@code in} into {@code out} as an incremental update.
     *
     * @param in the document to certify
     * @param out where the certified document goes
     * @param key the certifying key (RSA)
     * @param permissions the DocMDP permission level {@code P}, 1 to 3
     * @throws IOException if a file cannot be read or written, or the CMS cannot be made
     */
    static void certify(Path in, Path out, SigningKey key, int permissions) throws IOException {
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream o = Files.newOutputStream(out)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setSignDate(Calendar.getInstance());
            COSDictionary params = new COSDictionary();
            params.setItem(COSName.TYPE, COSName.TRANSFORM_PARAMS);
            params.setInt(COSName.P, permissions);
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
            doc.addSignature(sig, content -> cms(key, content.readAllBytes()));
            doc.saveIncremental(o);
        }
    }

    private static byte[] cms(SigningKey key, byte[] content) throws IOException {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
            gen.addCertificates(new JcaCertStore(key.certificateChain()));
            return gen.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
