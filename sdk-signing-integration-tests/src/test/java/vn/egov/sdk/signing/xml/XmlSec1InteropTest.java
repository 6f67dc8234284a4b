package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.PKI;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.bytes;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.sign;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.text;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.unsigned;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.verifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/** Interop both ways with xmlsec1 (libxmlsec1, OpenSSL): skipped when xmlsec1 is not installed. */
class XmlSec1InteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsXmlsec1() {
        Assumptions.assumeTrue(XmlDsigFixtures.onPath("xmlsec1"), "xmlsec1 is not installed");
    }

    @Test
    void xmlsec1VerifiesSdkSignaturesAgainstTheTestRootAndSeesTampering() throws Exception {
        Files.writeString(dir.resolve("root.pem"), TestPki.pem(PKI.root()));
        Files.writeString(dir.resolve("ca.pem"), TestPki.pem(PKI.ca()));
        for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.RSA_SHA512)) {
            byte[] signed = sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).algorithm(alg).build(), unsigned(4000));
            Path file = dir.resolve("signed.edxml");
            Files.write(file, signed);
            Result ok = run("xmlsec1", "--verify", "--trusted-pem", dir.resolve("root.pem").toString(),
                    "--untrusted-pem", dir.resolve("ca.pem").toString(), "--verification-time", "2026-11-20 02:15:30",
                    file.toString());
            assertEquals(0, ok.code, ok.output);
            assertTrue(ok.output.contains("OK"), ok.output);

            Files.write(file, bytes(text(signed).replace("Đề nghị hoàn thành kết nối", "Đề nghị hủy")));
            Result bad = run("xmlsec1", "--verify", "--trusted-pem", dir.resolve("root.pem").toString(),
                    "--untrusted-pem", dir.resolve("ca.pem").toString(), "--verification-time", "2026-11-20 02:15:30",
                    file.toString());
            assertNotEquals(0, bad.code, bad.output);
        }
    }

    @Test
    void sdkVerifiesWhatXmlsec1Signs() throws Exception {
        SigningKey key = PKI.signer(TestPki.Kind.GOOD);
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("cert.pem"), TestPki.pem(key.certificate()));
        Files.writeString(dir.resolve("ca.pem"), TestPki.pem(PKI.ca()));
        String template = text(unsigned(2500)).replace("</edXML:TraceHeaderList>", "</edXML:TraceHeaderList>"
                + "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<Reference URI=\"\"><Transforms>"
                + "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
                + "</SignedInfo><SignatureValue/><KeyInfo><X509Data><X509Certificate/>"
                + "</X509Data></KeyInfo></Signature>");
        Path tpl = dir.resolve("template.edxml");
        Files.writeString(tpl, template);
        Path out = dir.resolve("xmlsec1-signed.edxml");
        Result signed = run("xmlsec1", "--sign", "--privkey-pem",
                keyPem + "," + dir.resolve("cert.pem") + "," + dir.resolve("ca.pem"), "--output", out.toString(),
                tpl.toString());
        assertEquals(0, signed.code, signed.output);

        ValidationReport report = verifier().build().verify(Files.readAllBytes(out));

        assertEquals(Indication.VALID, report.indication(), report::toString);
        assertEquals(key.certificate(), report.signer().orElseThrow());
        byte[] tampered = bytes(Files.readString(out).replace("Đề nghị hoàn thành kết nối", "Đề nghị hủy"));
        assertEquals(Indication.INVALID, verifier().build().verify(tampered).indication());
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "xmlsec1 did not finish");
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
