package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Verifies every signature of a PDF and prints one report per signature: who signed, when (the timestamp's time
 * for B-T), the chain, the revocation result and the verdict with its reason.
 *
 * <ul>
 *   <li>{@code VerifyPdf FILE.pdf ROOT.pem [--revocation hard|soft|offline]}: verifies a file against a root you
 *       trust (for a Vietnamese document: a root admitted with its pin, see {@code VietnamTrustAnchors});
 *       revocation {@code soft} by default, since a file signed in an earlier run points at a sandbox that is
 *       gone.</li>
 *   <li>Without arguments: starts the sandbox, signs a letter as {@link SignPdf} does, and verifies it with
 *       revocation checked hard (OCSP, then CRL).</li>
 * </ul>
 */
public final class VerifyPdf {
    private VerifyPdf() {
    }

    /**
     * Entry point.
     *
     * @param args see the class documentation
     * @throws Exception if a file cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            Path out = Path.of("target", "examples");
            Files.createDirectories(out);
            try (NationalSandbox sandbox = NationalSandbox.start();
                    PkixCertificateValidator validator = SigningDemo.validator(sandbox)) {
                print(out.resolve("signed.pdf"), SignPdf.signTwice(sandbox, validator, out.resolve("letter.pdf"),
                        out.resolve("signed.pdf")));
            }
            return;
        }
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--revocation"))) {
            throw new IllegalArgumentException("usage: VerifyPdf FILE.pdf ROOT.pem [--revocation hard|soft|offline]");
        }
        RevocationPolicy policy = args.length == 4 ? switch (args[3].toLowerCase(Locale.ROOT)) {
            case "hard" -> RevocationPolicy.HARD_FAIL;
            case "soft" -> RevocationPolicy.SOFT_FAIL;
            case "offline" -> RevocationPolicy.OFFLINE;
            default -> throw new IllegalArgumentException("--revocation must be hard, soft or offline");
        } : RevocationPolicy.SOFT_FAIL;
        Path pdf = Path.of(args[0]);
        print(pdf, verify(pdf, Path.of(args[1]), policy));
    }

    /** Verifies every signature of {@code pdf}, trusting only the root certificate in {@code rootPem}. */
    static List<ValidationReport> verify(Path pdf, Path rootPem, RevocationPolicy policy)
            throws IOException, CertificateException {
        try (PkixCertificateValidator validator = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(readCertificate(rootPem)).build())
                .revocationPolicy(policy).build()) {
            return PdfSignatureVerifier.builder().validator(validator).build().verify(pdf);
        }
    }

    static void print(Path pdf, List<ValidationReport> reports) {
        System.out.println(pdf + ": " + reports.size() + " signature(s)");
        for (ValidationReport r : reports) {
            System.out.println("- " + r.signatureId() + ": " + r.indication()
                    + r.subIndication().map(s -> "/" + s).orElse(""));
            System.out.println("    signer:     " + r.signerName().orElse("(none)"));
            System.out.println("    time:       " + r.signingTime().map(Object::toString).orElse("(none)"));
            System.out.println("    chain:      " + r.chain().size() + " certificate(s)");
            System.out.println("    revocation: " + r.revocation().status() + " via " + r.revocation().source());
            System.out.println("    reason:     " + r.reason());
            r.warnings().forEach(w -> System.out.println("    warning:    " + w));
        }
    }

    private static X509Certificate readCertificate(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
