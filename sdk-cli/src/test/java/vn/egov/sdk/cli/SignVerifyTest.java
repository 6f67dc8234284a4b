package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;

/** egov sign / verify for edXML, CMS and PDF with the sandbox's test PKI (its OCSP answers the revocation checks). */
class SignVerifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "test-p12-password";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @TempDir
    Path dir;

    private TestPki pki() {
        return SANDBOX.sandbox().pki();
    }

    private Path root() throws IOException {
        return Files.writeString(dir.resolve("root.pem"), TestPki.pem(pki().root()), StandardCharsets.US_ASCII);
    }

    private Path passwordFile(String password) throws IOException {
        return Files.writeString(dir.resolve("password.txt"), password + "\n", StandardCharsets.UTF_8);
    }

    private Path p12(TestPki.Kind kind) throws IOException, GeneralSecurityException {
        SigningKey key = pki().signer(kind);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signer", key.privateKey(), PASSWORD.toCharArray(),
                key.certificateChain().toArray(new Certificate[0]));
        Path file = dir.resolve(kind.name().toLowerCase() + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private List<String> pem(TestPki.Kind kind) throws IOException {
        SigningKey key = pki().signer(kind);
        String keyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        StringBuilder certs = new StringBuilder();
        for (X509Certificate c : key.certificateChain()) {
            certs.append(TestPki.pem(c));
        }
        Path k = Files.writeString(dir.resolve("key.pem"), keyPem, StandardCharsets.US_ASCII);
        Path c = Files.writeString(dir.resolve("certs.pem"), certs.toString(), StandardCharsets.US_ASCII);
        return List.of("--key", k.toString(), "--cert", c.toString());
    }

    private List<String> keystore(TestPki.Kind kind) throws IOException, GeneralSecurityException {
        return List.of("--keystore", p12(kind).toString(), "--password-file", passwordFile(PASSWORD).toString());
    }

    private static Run egov(List<String> first, String... rest) {
        List<String> args = new ArrayList<>(first);
        args.addAll(Arrays.asList(rest));
        return Run.egov(args.toArray(new String[0]));
    }

    private static List<String> sign(String file, List<String> key) {
        List<String> args = new ArrayList<>(List.of("sign", file));
        args.addAll(key);
        return args;
    }

    private Path edxml() throws IOException {
        return Samples.write(dir, "doc.edxml", Samples.document(Samples.header().build()));
    }

    /** A one-page PDF written by hand, cross-reference offsets computed. */
    private Path pdf() throws IOException {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        String stream = "BT /F1 18 Tf 72 760 Td (Cong van thu nghiem) Tj ET";
        objects[3] = "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream";
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return Files.writeString(dir.resolve("letter.pdf"), pdf.toString(), StandardCharsets.ISO_8859_1);
    }

    private static void assertAllPassed(JsonNode signature) {
        signature.get("checks").fields().forEachRemaining(e -> assertEquals("passed", e.getValue().asText(),
                e.getKey() + " in " + signature));
    }

    @Test
    void edxmlSignedWithAPkcs12VerifiesWithTheChainToTheTrustedRootAndOcsp() throws Exception {
        Path doc = edxml();
        Run signed = egov(sign(doc.toString(), keystore(TestPki.Kind.GOOD)));
        assertEquals(ExitCodes.OK, signed.status(), signed::toString);
        Path out = dir.resolve("doc.signed.edxml");
        assertTrue(signed.out().contains("signed: " + out), signed::toString);
        assertTrue(signed.out().contains("Nguyễn Văn An"), signed::toString);
        assertFalse(signed.out().contains(PASSWORD) || signed.err().contains(PASSWORD));

        Run json = Run.egov("verify", out.toString(), "--trust", root().toString(), "--json");
        assertEquals(ExitCodes.OK, json.status(), json::toString);
        JsonNode report = JSON.readTree(json.out());
        assertEquals("edxml", report.get("format").asText());
        assertTrue(report.get("valid").asBoolean());
        JsonNode s = report.get("signatures").get(0);
        assertEquals("VALID", s.get("indication").asText());
        assertTrue(s.get("failedCheck").isNull());
        assertTrue(s.get("signer").asText().contains("Nguyễn Văn An"), s::toString);
        assertEquals(3, s.get("chain").size(), s::toString);
        assertEquals(pki().root().getSubjectX500Principal().getName(), s.get("trustAnchor").asText());
        assertEquals("GOOD", s.get("revocation").get("status").asText());
        assertEquals("OCSP", s.get("revocation").get("source").asText());
        assertAllPassed(s);

        Run text = Run.egov("verify", out.toString(), "--trust", root().toString());
        assertEquals(ExitCodes.OK, text.status(), text::toString);
        assertTrue(text.out().contains("result        VALID"), text::toString);
        assertTrue(text.out().contains("(trust anchor)"), text::toString);
        assertTrue(text.out().contains("revocation    GOOD (OCSP)"), text::toString);
        assertTrue(text.out().strip().endsWith("hợp lệ / valid"), text::toString);

        assertEquals(ExitCodes.OK, Run.egov("edxml", "validate", out.toString()).status());
        JsonNode inspect = JSON.readTree(Run.egov("edxml", "inspect", "--json", out.toString()).out());
        assertTrue(inspect.get("signed").asBoolean());
    }

    @Test
    void aTamperedPackageIsInvalidNamingTheSignatureCheck() throws Exception {
        Path doc = edxml();
        Path out = dir.resolve("signed.edxml");
        assertEquals(ExitCodes.OK, egov(sign(doc.toString(), keystore(TestPki.Kind.GOOD)), "--out", out.toString())
                .status());
        String xml = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(xml.contains("V/v thử nghiệm dòng lệnh"));
        Files.writeString(out, xml.replace("V/v thử nghiệm dòng lệnh", "V/v thử nghiệm dòng lệnk"),
                StandardCharsets.UTF_8);
        Run run = Run.egov("verify", out.toString(), "--trust", root().toString(), "--json");
        assertEquals(ExitCodes.INVALID, run.status(), run::toString);
        JsonNode s = JSON.readTree(run.out()).get("signatures").get(0);
        assertEquals("INVALID", s.get("indication").asText());
        assertEquals("HASH_FAILURE", s.get("subIndication").asText());
        assertEquals("signature", s.get("failedCheck").asText());
        assertEquals("failed", s.get("checks").get("signature").asText());
        assertTrue(run.err().contains("Error: signature not valid: signature '"), run::toString);
        assertTrue(run.err().contains("check 'signature' INVALID / HASH_FAILURE"), run::toString);
        assertTrue(run.err().startsWith("Lỗi: "), run::toString);

        Run unsigned = Run.egov("verify", doc.toString(), "--trust", root().toString());
        assertEquals(ExitCodes.INVALID, unsigned.status(), unsigned::toString);
        assertTrue(unsigned.err().contains("SIGNED_DATA_NOT_FOUND"), unsigned::toString);
    }

    @Test
    void untrustedRevokedAndOfflineAreReportedByTheirCheck() throws Exception {
        Path doc = edxml();
        Path good = dir.resolve("good.edxml");
        assertEquals(ExitCodes.OK, egov(sign(doc.toString(), keystore(TestPki.Kind.GOOD)), "--out", good.toString())
                .status());
        Path other = Files.writeString(dir.resolve("other.pem"), TestPki.pem(pki().ocspResponder()),
                StandardCharsets.US_ASCII);
        Run untrusted = Run.egov("verify", good.toString(), "--trust", other.toString(), "--json");
        assertEquals(ExitCodes.INVALID, untrusted.status(), untrusted::toString);
        JsonNode u = JSON.readTree(untrusted.out()).get("signatures").get(0);
        assertEquals("chain", u.get("failedCheck").asText(), u::toString);
        assertEquals("passed", u.get("checks").get("signature").asText());
        assertTrue(untrusted.err().contains("check 'chain'"), untrusted::toString);

        Path revoked = dir.resolve("revoked.edxml");
        assertEquals(ExitCodes.OK, egov(sign(doc.toString(), keystore(TestPki.Kind.REVOKED)), "--out",
                revoked.toString()).status());
        Run run = Run.egov("verify", revoked.toString(), "--trust", root().toString(), "--json");
        assertEquals(ExitCodes.INVALID, run.status(), run::toString);
        JsonNode r = JSON.readTree(run.out()).get("signatures").get(0);
        assertEquals("REVOKED", r.get("subIndication").asText(), r::toString);
        assertEquals("revocation", r.get("failedCheck").asText());
        assertEquals("REVOKED", r.get("revocation").get("status").asText());

        Run offline = Run.egov("verify", good.toString(), "--trust", root().toString(), "--revocation", "offline",
                "--json");
        assertEquals(ExitCodes.OK, offline.status(), offline::toString);
        assertEquals("not-checked", JSON.readTree(offline.out()).get("signatures").get(0).get("checks")
                .get("revocation").asText());
    }

    @Test
    void theSandboxsRootAsItServesItIsATrustAnchor() throws Exception {
        Path doc = edxml();
        Path out = dir.resolve("served.edxml");
        assertEquals(ExitCodes.OK, egov(sign(doc.toString(), keystore(TestPki.Kind.AGENCY)), "--out", out.toString())
                .status());
        java.net.http.HttpResponse<byte[]> root = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(SANDBOX.sandbox().baseUrl()
                        + TestPki.ROOT_PATH)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, root.statusCode());
        Path crt = Files.write(dir.resolve("sandbox-root.crt"), root.body());
        Run run = Run.egov("verify", out.toString(), "--trust", crt.toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
    }

    @Test
    void cmsDetachedAndAttachedWithAPemKey() throws Exception {
        Path data = Files.writeString(dir.resolve("payload.txt"), "dữ liệu cần ký", StandardCharsets.UTF_8);
        Run detached = egov(sign(data.toString(), pem(TestPki.Kind.GOOD)), "--json");
        assertEquals(ExitCodes.OK, detached.status(), detached::toString);
        JsonNode out = JSON.readTree(detached.out());
        assertEquals("cms", out.get("format").asText());
        assertEquals("detached", out.get("packaging").asText());
        Path p7s = dir.resolve("payload.txt.p7s");
        assertEquals(p7s.toString(), out.get("out").asText());

        Run ok = Run.egov("verify", p7s.toString(), "--content", data.toString(), "--trust", root().toString(),
                "--json");
        assertEquals(ExitCodes.OK, ok.status(), ok::toString);
        JsonNode s = JSON.readTree(ok.out()).get("signatures").get(0);
        assertEquals("VALID", s.get("indication").asText());
        assertAllPassed(s);

        Path changed = Files.writeString(dir.resolve("changed.txt"), "dữ liệu đã sửa", StandardCharsets.UTF_8);
        Run bad = Run.egov("verify", p7s.toString(), "--content", changed.toString(), "--trust", root().toString());
        assertEquals(ExitCodes.INVALID, bad.status(), bad::toString);
        assertTrue(bad.err().contains("check 'signature'"), bad::toString);

        Run attached = egov(sign(data.toString(), pem(TestPki.Kind.GOOD)), "--attached");
        assertEquals(ExitCodes.OK, attached.status(), attached::toString);
        Path p7m = dir.resolve("payload.txt.p7m");
        assertEquals(ExitCodes.OK, Run.egov("verify", p7m.toString(), "--trust", root().toString()).status());

        byte[] whole = Files.readAllBytes(p7s);
        Path cut = Files.write(dir.resolve("cut.p7s"), Arrays.copyOf(whole, whole.length - 100));
        Run truncated = Run.egov("verify", cut.toString(), "--content", data.toString(), "--trust", root().toString());
        assertEquals(ExitCodes.UNREADABLE, truncated.status(), truncated::toString);
        assertTrue(truncated.err().contains("truncated"), truncated::toString);
        Path junk = Files.writeString(dir.resolve("junk.p7s"), "not a signature");
        assertEquals(ExitCodes.UNREADABLE, Run.egov("verify", junk.toString(), "--trust", root().toString())
                .status());
    }

    @Test
    void pdfWithAVisibleStampAndTheAgencySealVerifiesAndATamperedOneDoesNot() throws Exception {
        Path pdf = pdf();
        Path signed = dir.resolve("signed.pdf");
        Path seal = Files.write(dir.resolve("seal.png"), Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="));
        Run run = egov(sign(pdf.toString(), keystore(TestPki.Kind.GOOD)), "--out", signed.toString(), "--stamp",
                "last,330,80,220,70", "--stamp-line", "Ký bởi: Nguyễn Văn An",
                "--stamp-line", "Thời gian: hôm nay",
                "--stamp-image", seal.toString(),
                "--reason", "Phê duyệt", "--location", "Hà Nội", "--tsa", pki().tsaUrl());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        JsonNode first = JSON.readTree(Run.egov("verify", signed.toString(), "--trust", root().toString(), "--json")
                .out()).get("signatures").get(0);
        assertEquals("VALID", first.get("indication").asText(), first::toString);
        assertFalse(first.get("signingTime").isNull(), "B-T: the timestamp's time " + first);
        Path sealed = dir.resolve("sealed.pdf");
        Run agency = egov(sign(signed.toString(), keystore(TestPki.Kind.AGENCY)), "--out", sealed.toString(),
                "--stamp", "1,330,80,220,70", "--seal", seal.toString(), "--seal-size", "100,100");
        assertEquals(ExitCodes.OK, agency.status(), agency::toString);

        Run verify = Run.egov("verify", sealed.toString(), "--trust", root().toString(), "--json");
        assertEquals(ExitCodes.OK, verify.status(), verify::toString);
        JsonNode signatures = JSON.readTree(verify.out()).get("signatures");
        assertEquals(2, signatures.size(), verify::toString);
        assertTrue(signatures.get(0).get("signer").asText().contains("Nguyễn Văn An"));
        assertTrue(signatures.get(1).get("signer").asText().contains("UBND tỉnh Thử Nghiệm"));

        byte[] bytes = Files.readAllBytes(signed);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Cong van thu nghiem");
        bytes[at] = 'K';
        Path tampered = Files.write(dir.resolve("tampered.pdf"), bytes);
        Run bad = Run.egov("verify", tampered.toString(), "--trust", root().toString(), "--json");
        assertEquals(ExitCodes.INVALID, bad.status(), bad::toString);
        JsonNode s = JSON.readTree(bad.out()).get("signatures").get(0);
        assertEquals("signature", s.get("failedCheck").asText(), s::toString);

        Path cut = Files.write(dir.resolve("cut.pdf"), Arrays.copyOf(bytes, bytes.length / 2));
        Run truncated = Run.egov("verify", cut.toString(), "--trust", root().toString());
        assertEquals(ExitCodes.UNREADABLE, truncated.status(), truncated::toString);
        assertEquals(ExitCodes.UNREADABLE, Run.egov("verify", dir.resolve("none.pdf").toString(), "--trust",
                root().toString()).status());
    }

    @Test
    void wrongMissingPasswordAndBadKeysAreCredentialsErrorsAndThePasswordIsNeverPrinted() throws Exception {
        Path doc = edxml();
        Path p12 = p12(TestPki.Kind.GOOD);
        Run wrong = Run.egov("sign", doc.toString(), "--keystore", p12.toString(), "--password-file",
                passwordFile("not-the-password-123").toString(), "--verbose");
        assertEquals(ExitCodes.AUTHENTICATION, wrong.status(), wrong::toString);
        assertTrue(wrong.err().contains("cannot open the key"), wrong::toString);
        assertFalse(wrong.err().contains("not-the-password-123") || wrong.out().contains("not-the-password-123"));
        assertFalse(Files.exists(dir.resolve("doc.signed.edxml")));

        Run missing = Run.egov("sign", doc.toString(), "--keystore", p12.toString(), "--password-env",
                "EGOV_TEST_VARIABLE_THAT_IS_NOT_SET");
        assertEquals(ExitCodes.AUTHENTICATION, missing.status(), missing::toString);
        assertTrue(missing.err().contains("EGOV_TEST_VARIABLE_THAT_IS_NOT_SET"), missing::toString);

        Path notAKey = Files.writeString(dir.resolve("junk.p12"), "junk");
        Run junk = Run.egov("sign", doc.toString(), "--keystore", notAKey.toString(), "--password-file",
                passwordFile(PASSWORD).toString());
        assertEquals(ExitCodes.AUTHENTICATION, junk.status(), junk::toString);
        Run absent = Run.egov("sign", doc.toString(), "--keystore", dir.resolve("none.p12").toString());
        assertEquals(ExitCodes.UNREADABLE, absent.status(), absent::toString);
    }

    @Test
    void unreadableInputsAndWrongOptions() throws Exception {
        Path doc = edxml();
        byte[] whole = Files.readAllBytes(doc);
        Path cut = Files.write(dir.resolve("cut.edxml"), Arrays.copyOf(whole, whole.length / 2));
        Run sign = egov(sign(cut.toString(), keystore(TestPki.Kind.GOOD)));
        assertEquals(ExitCodes.UNREADABLE, sign.status(), sign::toString);
        assertEquals(ExitCodes.UNREADABLE, Run.egov("verify", cut.toString(), "--trust", root().toString()).status());
        Path xxe = Files.writeString(dir.resolve("xxe.edxml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><e>&x;</e>", StandardCharsets.UTF_8);
        Run hostile = Run.egov("verify", xxe.toString(), "--trust", root().toString());
        assertEquals(ExitCodes.UNREADABLE, hostile.status(), hostile::toString);
        assertFalse(hostile.out().contains("root:"));

        Run noTrust = Run.egov("verify", doc.toString());
        assertEquals(ExitCodes.USAGE, noTrust.status(), noTrust::toString);
        assertTrue(noTrust.err().contains("no trust anchor"), noTrust::toString);
        Run format = Run.egov("verify", dir.resolve("x.bin").toString(), "--trust", root().toString());
        assertEquals(ExitCodes.USAGE, format.status(), format::toString);
        assertTrue(format.err().contains("--format"), format::toString);
        assertEquals(ExitCodes.USAGE, Run.egov("verify", doc.toString(), "--trust", root().toString(),
                "--format", "docx").status());
        assertEquals(ExitCodes.USAGE, Run.egov("verify", doc.toString(), "--trust", root().toString(),
                "--revocation", "sometimes").status());
        Path fake = Files.writeString(dir.resolve("fake-root.pem"), TestPki.pem(pki().root()));
        Run vnRoot = Run.egov("verify", doc.toString(), "--vn-root", fake.toString());
        assertEquals(ExitCodes.USAGE, vnRoot.status(), vnRoot::toString);
        assertTrue(vnRoot.err().contains("matches none of the SDK's pinned Vietnamese roots"), vnRoot::toString);
        assertEquals(ExitCodes.USAGE, Run.egov("sign", doc.toString()).status());
        assertEquals(ExitCodes.USAGE, Run.egov("sign", doc.toString(), "--keystore", "a.p12", "--key", "k.pem")
                .status());
        Run stamp = egov(sign(pdf().toString(), keystore(TestPki.Kind.GOOD)), "--stamp", "1,2,3");
        assertEquals(ExitCodes.USAGE, stamp.status(), stamp::toString);
        assertTrue(stamp.err().contains("PAGE,X,Y,W,H"), stamp::toString);
        for (String command : new String[] {"sign", "verify"}) {
            Run help = Run.egov(command, "--help");
            assertEquals(ExitCodes.OK, help.status());
            assertTrue(help.out().startsWith("Usage: egov " + command), help::toString);
        }
    }
}
