package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import org.junit.jupiter.api.io.TempDir;

/** The Tour, the README's main command, runs every step as expected and writes its artifacts. */
class TourTest {
    @Test
    void everyStepBehavesAndTheArtifactsAreWritten(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int failures = new Tour(new PrintStream(console, true, StandardCharsets.UTF_8)).run(out);

        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, failures, text);
        assertTrue(text.contains("All steps behaved as expected."), text);
        assertEquals(Files.readString(out.resolve("tour.log")).strip(),
                text.substring(0, text.indexOf("Wrote ")).strip());

        JsonNode calls = new ObjectMapper().readTree(out.resolve("calls.json").toFile());
        assertEquals(8, calls.size());
        assertTrue(Files.size(out.resolve("document.edxml")) > 1000);
        for (String f : new String[] {"sent.edxml", "received.edxml", "status.edxml"}) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertTrue(Files.readString(out.resolve("received.edxml")).contains("vxp.axis"), "the axis' trace hop");
        assertTrue(text.contains("status 03"), text);
        assertTrue(Files.readString(out.resolve("status-reply.edxml")).contains("<edXML:StatusCode>03</edXML:StatusCode>"));
        assertEquals(2, calls.get(3).get("attempts").asInt(), "the order retried under the same key");
        assertEquals("TransportException", calls.get(4).get("exception").asText());
        assertEquals("NETWORK", calls.get(4).get("fault").asText());
        for (JsonNode call : calls) {
            assertTrue(call.get("correlationId").asText().matches("[0-9a-f-]{36}"), call.toString());
        }
        assertTrue(!Files.readString(out.resolve("calls.json")).contains("sandbox-secret"));
        signedArtifactsVerifyOffline(out);
        signedArtifactsVerifyWithIndependentTools(out);
        paymentCallbackChecksWithTheWrittenKey(out);
        assertTrue(text.contains("18. Pay the dossier's fee") && text.contains("APPLIED"), text);
        assertTrue(text.contains("19. Log a citizen in through the national SSO (VNeID, IAL2)")
                && text.contains("logged in CITIZEN with IAL2"), text);
        idTokenVerifiesWithTheWrittenJwks(out);
        assertTrue(text.contains("20. Push the dossier whose fee was paid"), text);
        dossierSyncHoldsThePushedRequests(out);
    }

    /**
     * dossier-sync.json lists the requests that pushed the paid dossier and its progress, with wire names and the
     * portal's replies, and no account secret or session.
     */
    private static void dossierSyncHoldsThePushedRequests(Path out) throws Exception {
        String written = Files.readString(out.resolve("dossier-sync.json"));
        JsonNode requests = new ObjectMapper().readTree(written);
        assertEquals(2, requests.size(), written);
        JsonNode push = requests.get(0);
        assertEquals("DongBoHoSoMC", push.get("service").asText());
        assertEquals("False", push.get("isUpdating").asText());
        assertEquals("0", push.get("reply").get("error_code").asText());
        JsonNode record = push.get("data").get(0);
        assertEquals("000.00.01.H41-261206-0002", record.get("MaHoSo").asText());
        assertEquals("1", record.get("DuocThanhToanTrucTuyen").asText(), "the fee was paid online");
        assertEquals(2, record.get("DanhSachLePhi").size());
        assertEquals(150_000, record.get("DanhSachLePhi").get(0).get("Gia").asLong()
                + record.get("DanhSachLePhi").get(1).get("Gia").asLong());
        JsonNode progress = requests.get(1);
        assertEquals("CapNhatTienDoHoSoMC", progress.get("service").asText());
        assertEquals(2, progress.get("data").size());
        assertEquals("Tiếp nhận hồ sơ", progress.get("data").get(0).get("NoiDungXuLy").asText());
        assertEquals("0", progress.get("reply").get("error_code").asText());
        assertTrue(!written.contains(vn.egov.sdk.testkit.DvcqgPortalSandbox.PASSWORD) && !written.contains("session"),
                "no account secret or session in the file");
    }

    /**
     * The written ID token's RS256 signature checks with the written JWKS by the JDK alone (not Nimbus, not the SDK),
     * and its claims are the sandbox's issuer and client; the token carries no personal ID number in clear.
     */
    private static void idTokenVerifiesWithTheWrittenJwks(Path out) throws Exception {
        String token = Files.readString(out.resolve("id-token.jwt")).strip();
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, token);
        ObjectMapper mapper = new ObjectMapper();
        java.util.Base64.Decoder b64 = java.util.Base64.getUrlDecoder();
        JsonNode header = mapper.readTree(b64.decode(parts[0]));
        JsonNode claims = mapper.readTree(b64.decode(parts[1]));
        assertEquals("RS256", header.get("alg").asText());
        assertTrue(claims.get("iss").asText().endsWith("/sso"), claims.toString());
        assertEquals(vn.egov.sdk.testkit.SsoSandbox.DEFAULT_CLIENT_ID, claims.get("azp").asText());
        JsonNode key = null;
        for (JsonNode k : mapper.readTree(out.resolve("jwks.json").toFile()).get("keys")) {
            if (k.get("kid").asText().equals(header.get("kid").asText())) {
                key = k;
            }
        }
        assertTrue(key != null && !key.has("d"), "the JWKS has the token's public key, and no private part");
        java.security.PublicKey publicKey = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(new java.math.BigInteger(1, b64.decode(key.get("n").asText())),
                        new java.math.BigInteger(1, b64.decode(key.get("e").asText()))));
        java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(b64.decode(parts[2])), "the ID token's signature checks with jwks.json");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII));
        assertTrue(!rs256.verify(b64.decode(parts[2])), "the check can fail");
    }

    /** The written callback's MaXacThuc is recomputed here from DOMAIN's field order and the written test key. */
    private static void paymentCallbackChecksWithTheWrittenKey(Path out) throws Exception {
        List<String> keyFile = Files.readAllLines(out.resolve("payment-hash-key.txt"));
        assertTrue(String.join("\n", keyFile).contains("PUBLIC TEST VALUE"), keyFile.toString());
        List<String> keys = keyFile.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertEquals(List.of(vn.egov.sdk.testkit.DvcqgPaySandbox.SECRET), keys);

        JsonNode callback = new ObjectMapper().readTree(out.resolve("payment-callback.json").toFile());
        assertEquals("00", callback.get("MaLoi").asText());
        assertEquals(150_000, callback.get("SoTien").asLong());
        StringBuilder signed = new StringBuilder();
        for (String f : new String[] {"LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien", "MaTienTe",
                "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich"}) {
            signed.append(callback.get(f).asText()).append('|');
        }
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest((signed + keys.get(0)).getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(digest), callback.get("MaXacThuc").asText());
        byte[] pdf = Files.readAllBytes(out.resolve("payment-receipt.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    }

    /** The signed files verify again with the SDK, trusting only the written root (the sandbox is gone). */
    private static void signedArtifactsVerifyOffline(Path out) throws Exception {
        X509Certificate root;
        try (InputStream in = Files.newInputStream(out.resolve("test-root-ca.pem"))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        try (PkixCertificateValidator validator = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(root).build())
                .revocationPolicy(RevocationPolicy.OFFLINE).build()) {
            ValidationReport xml = EdXmlSignatureVerifier.builder().certificateValidator(validator).build()
                    .verify(Files.readAllBytes(out.resolve("sent.edxml")));
            assertEquals(Indication.VALID, xml.indication(), xml.toString());
            List<ValidationReport> pdf = PdfSignatureVerifier.builder().validator(validator).build()
                    .verify(out.resolve("signed.pdf"));
            assertEquals(2, pdf.size());
            pdf.forEach(r -> assertEquals(Indication.VALID, r.indication(), r.toString()));
            List<ValidationReport> cms = CmsVerifier.builder().validator(validator).build().verifyDetached(
                    Files.readAllBytes(out.resolve("payload.p7s")), Files.readAllBytes(out.resolve("payload.txt")));
            assertEquals(Indication.VALID, cms.get(0).indication(), cms.toString());
            List<ValidationReport> tampered = CmsVerifier.builder().validator(validator).build().verifyDetached(
                    Files.readAllBytes(out.resolve("payload.p7s")), "something else".getBytes(StandardCharsets.UTF_8));
            assertEquals(Indication.INVALID, tampered.get(0).indication(), "the check can fail");
        }
    }

    /** xmlsec1, openssl cms and pdfsig accept what the Tour signed (each part runs where the tool is installed). */
    private static void signedArtifactsVerifyWithIndependentTools(Path out) throws Exception {
        if (tool("xmlsec1", "--version")) {
            assertEquals(0, run(out, "xmlsec1", "--verify", "--trusted-pem", "test-root-ca.pem", "--untrusted-pem",
                    "test-ca.pem", "sent.edxml"), "xmlsec1 verifies sent.edxml");
        }
        if (tool("openssl", "version")) {
            assertEquals(0, run(out, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "payload.p7s",
                    "-content", "payload.txt", "-CAfile", "test-root-ca.pem", "-certfile", "test-ca.pem", "-purpose",
                    "any", "-out", "/dev/null"), "openssl verifies payload.p7s");
        }
        if (tool("pdfsig", "-v")) {
            Process p = new ProcessBuilder("pdfsig", "-nocert", "signed.pdf").directory(out.toFile())
                    .redirectErrorStream(true).start();
            String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertEquals(2, report.split("Signature is Valid", -1).length - 1, report);
            assertTrue(report.contains("Total document signed"), report);
        }
    }

    private static boolean tool(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 || command[0].equals("pdfsig");
        } catch (Exception e) {
            return false;
        }
    }

    private static int run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void outFolderArgument() {
        assertEquals(Paths.get("target", "tour"), Tour.parseOut(new String[0]));
        assertEquals(Paths.get("x", "y"), Tour.parseOut(new String[] {"--out", "x/y"}));
        assertThrows(IllegalArgumentException.class, () -> Tour.parseOut(new String[] {"--bogus"}));
    }
}
