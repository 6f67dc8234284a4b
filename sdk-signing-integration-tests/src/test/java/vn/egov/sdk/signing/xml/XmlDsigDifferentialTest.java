package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.PKI;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.bytes;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.sign;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.text;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.verifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * The SDK keeps attachment content out of its DOM and puts it back, canonicalised, when it digests. These tests
 * compare it with the JDK's plain {@code javax.xml.crypto} over a {@code DocumentBuilder} DOM of the whole package,
 * on generated packages full of text a parser has to work on ({@link OddPackages}) and on mutations of them:
 * the digest the SDK signs is the digest the JDK computes, and the SDK's verdict on every package and mutation is
 * the JDK's. {@code xmlsec1} (libxml2, an independent parser and canonicaliser) agrees on a few.
 */
class XmlDsigDifferentialTest {
    private static final SigningKey KEY = PKI.signer(TestPki.Kind.GOOD);
    private static final EdXmlSigner SIGNER = XmlDsigFixtures.signer(TestPki.Kind.GOOD).build();
    private static final EdXmlSignatureVerifier VERIFIER = verifier().build();
    private static final List<String> C14N = Arrays.asList(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE, "http://www.w3.org/2006/12/xml-c14n11", null);

    @TempDir
    Path dir;

    @Test
    void theDigestTheSdkSignsIsTheDigestTheJdkComputesOverTheWholeDocument() throws Exception {
        Random r = new Random(20261120);
        for (int i = 0; i < 30; i++) {
            byte[] signed = sign(SIGNER, bytes(OddPackages.unsigned(r)));
            OddPackages.JdkResult jdk = OddPackages.jdkVerify(signed, KEY.certificate());
            int n = i;
            assertArrayEquals(jdk.calculatedDigest(), jdk.declaredDigest(), () -> "package " + n);
            assertTrue(jdk.valid(), "package " + i);
            ValidationReport report = VERIFIER.verify(signed);
            assertEquals(Indication.VALID, report.indication(), report::toString);
        }
    }

    @Test
    void textShapedLikeAPlaceholderIsOnlyText() throws Exception {
        // the verifier's placeholders are a random token per call and a segment number; a package cannot know the
        // token, so text of the same shape is signed and verified as the text it is
        String fake = "EXCLUDED" + "0".repeat(32) + "00000000";
        String unsigned = text(XmlDsigFixtures.unsigned(3)).replace(">ByZF<", ">" + fake + "ByZF" + fake + "<")
                .replace("Đề nghị hoàn thành kết nối", fake);
        byte[] signed = sign(SIGNER, bytes(unsigned));
        assertEquals(3, text(signed).split(fake, -1).length - 1, "the text is written back as it was");
        OddPackages.JdkResult jdk = OddPackages.jdkVerify(signed, KEY.certificate());
        assertArrayEquals(jdk.calculatedDigest(), jdk.declaredDigest());
        assertEquals(Indication.VALID, VERIFIER.verify(signed).indication());
        byte[] changed = bytes(text(signed).replaceFirst(fake + "ByZF", fake.replace("00000000", "00000001") + "ByZF"));
        assertEquals(SubIndication.HASH_FAILURE, VERIFIER.verify(changed).subIndication().orElseThrow());
    }

    @Test
    void largeAttachmentsKeptInATemporaryFileDigestAsTheJdkDoes() throws Exception {
        // 3 MB of attachment text: past the 1 MiB the SDK keeps in memory
        String unsigned = text(XmlDsigFixtures.unsigned(2_300_000));
        byte[] signed = sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).tempDirectory(dir).build(), bytes(unsigned));
        OddPackages.JdkResult jdk = OddPackages.jdkVerify(signed, KEY.certificate());
        assertArrayEquals(jdk.calculatedDigest(), jdk.declaredDigest());
        assertEquals(Indication.VALID, verifier().tempDirectory(dir).build().verify(signed).indication());
        StringBuilder tampered = new StringBuilder(text(signed));
        int at = tampered.indexOf("ContentTransferEncoded") + 2_000_000;
        tampered.setCharAt(at, tampered.charAt(at) == 'A' ? 'B' : 'A');
        assertEquals(SubIndication.HASH_FAILURE, verifier().tempDirectory(dir).build().verify(bytes(tampered.toString()))
                .subIndication().orElseThrow());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary files are deleted");
        }
    }

    @Test
    void theSdkVerifierAgreesWithTheJdkOnJdkSignedPackagesAndEveryMutationOfTheirText() throws Exception {
        Random r = new Random(7816);
        List<String> anchors = List.of(OddPackages.ATTACHMENT_ANCHOR, OddPackages.DESCRIPTION_ANCHOR,
                OddPackages.CONTENT_ANCHOR);
        for (int i = 0; i < 16; i++) {
            String signed = OddPackages.jdkSigned(OddPackages.unsigned(r), KEY, PKI.ca(), C14N.get(i % 4));
            agree(signed, true, "package " + i + " as signed, " + C14N.get(i % 4));
            for (OddPackages.Mutation m : OddPackages.MUTATIONS) {
                String anchor = anchors.get(r.nextInt(anchors.size()));
                assertTrue(signed.contains(anchor));
                String mutated = signed.replace(anchor, anchor.replace("\n", m.replacement()));
                agree(mutated, m.sameText(), "package " + i + ", " + m.name() + " in " + anchor.replace("\n", "|"));
            }
        }
    }

    private static void agree(String pkg, boolean sameText, String what) throws Exception {
        byte[] b = pkg.getBytes(StandardCharsets.UTF_8);
        OddPackages.JdkResult jdk = OddPackages.jdkVerify(b, KEY.certificate());
        assertEquals(sameText, jdk.valid(), what + ": the JDK, as the oracle");
        ValidationReport report = VERIFIER.verify(b);
        assertEquals(jdk.valid() ? Indication.VALID : Indication.INVALID, report.indication(),
                () -> what + ": " + report);
        if (!jdk.valid()) {
            assertEquals(SubIndication.HASH_FAILURE, report.subIndication().orElseThrow(), what);
        }
    }

    @Test
    void xmlsec1AgreesOnOddPackagesSignedByTheSdkAndByTheJdk() throws Exception {
        Assumptions.assumeTrue(XmlDsigFixtures.onPath("xmlsec1"), "xmlsec1 is not installed");
        Files.writeString(dir.resolve("root.pem"), TestPki.pem(PKI.root()));
        Files.writeString(dir.resolve("ca.pem"), TestPki.pem(PKI.ca()));
        Random r = new Random(102);
        for (int i = 0; i < 4; i++) {
            String unsigned = OddPackages.unsigned(r);
            String bySdk = text(sign(SIGNER, bytes(unsigned)));
            String byJdk = OddPackages.jdkSigned(unsigned, KEY, PKI.ca(), C14N.get(i));
            for (String signed : List.of(bySdk, byJdk)) {
                assertTrue(xmlsec1Verifies(signed), "package " + i);
                String same = signed.replace(OddPackages.ATTACHMENT_ANCHOR,
                        OddPackages.ATTACHMENT_ANCHOR.replace("\n", "\r\n"));
                assertTrue(xmlsec1Verifies(same), "package " + i + " with CRLF");
                assertEquals(Indication.VALID, VERIFIER.verify(bytes(same)).indication());
                String changed = signed.replace(OddPackages.ATTACHMENT_ANCHOR,
                        OddPackages.ATTACHMENT_ANCHOR.replace("\n", "&#13;"));
                assertTrue(!xmlsec1Verifies(changed), "package " + i + " with &#13;");
                assertEquals(Indication.INVALID, VERIFIER.verify(bytes(changed)).indication());
            }
        }
    }

    private boolean xmlsec1Verifies(String signed) throws Exception {
        Path file = dir.resolve("signed.edxml");
        Files.writeString(file, signed);
        Process p = new ProcessBuilder(new ArrayList<>(List.of("xmlsec1", "--verify", "--trusted-pem",
                dir.resolve("root.pem").toString(), "--untrusted-pem", dir.resolve("ca.pem").toString(),
                "--verification-time", "2026-11-20 02:15:30", file.toString()))).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "xmlsec1 did not finish");
        return p.exitValue() == 0 && new String(output, StandardCharsets.UTF_8).contains("OK");
    }
}
