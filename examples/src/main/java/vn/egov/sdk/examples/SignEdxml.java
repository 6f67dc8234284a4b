package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.signing.xml.PreparedXmlSignature;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * Signs an edXML package with an enveloped XML signature (RSA-SHA256, exclusive c14n, the signer certificate in
 * {@code KeyInfo}) in three steps, as a USB token or a remote signing service would be used, then verifies it
 * against the test PKI's root with OCSP. Writes {@code letter.edxml} and {@code letter-signed.edxml} to
 * {@code --out DIR} (default {@code target/examples}); check the result independently with
 * {@code xmlsec1 --verify --trusted-pem test-root-ca.pem --untrusted-pem test-ca.pem letter-signed.edxml}.
 */
public final class SignEdxml {
    private SignEdxml() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --out DIR}
     * @throws IOException if the output folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Tour.parseOut(args, Path.of("target", "examples"));
        Files.createDirectories(out);
        try (NationalSandbox sandbox = NationalSandbox.start();
                PkixCertificateValidator validator = SigningDemo.validator(sandbox)) {
            Path unsigned = out.resolve("letter.edxml");
            Path signed = out.resolve("letter-signed.edxml");
            AxisDemo.write(AxisDemo.letter("102"), unsigned);
            ValidationReport report = signAndVerify(sandbox.pki().signer(TestPki.Kind.AGENCY), validator, unsigned,
                    signed);
            Files.writeString(out.resolve("test-root-ca.pem"), sandbox.pki().rootPem());
            Files.writeString(out.resolve("test-ca.pem"), TestPki.pem(sandbox.pki().ca()));
            System.out.println("Signed " + unsigned + " → " + signed + "; verified: " + report.indication() + " ("
                    + report.signerName().orElse("?") + "): " + report.reason());
        }
    }

    /**
     * The three steps, then verification: (1) the signer computes what is to be signed, (2) the key signs it — here
     * a local key, in real life perhaps a token or a remote service, even in another process —, (3) the signature
     * is assembled into the package.
     */
    static ValidationReport signAndVerify(SigningKey key, PkixCertificateValidator validator, Path unsigned,
            Path signed) throws IOException {
        EdXmlSigner signer = EdXmlSigner.builder().certificateChain(key.certificateChain()).build();
        PreparedXmlSignature prepared;
        try (InputStream in = Files.newInputStream(unsigned)) {
            prepared = signer.prepare(in);                                     // step 1: data to sign
        }
        try (prepared; OutputStream outStream = Files.newOutputStream(signed)) { // closed: frees attachment text
            SignatureValue value = key.sign(prepared.dataToSign());              // step 2: any signature source
            signer.assemble(prepared, value, outStream);                         // step 3: assemble
        }
        EdXmlSignatureVerifier verifier = EdXmlSignatureVerifier.builder().certificateValidator(validator).build();
        try (InputStream in = Files.newInputStream(signed)) {
            return verifier.verify(in);
        }
    }
}
