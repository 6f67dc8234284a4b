package vn.egov.sdk.signing.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * Interop with OpenSSL both ways: the SDK's CMS verifies with {@code openssl cms -verify}, and what
 * {@code openssl cms -sign} makes verifies with the SDK. Skipped when {@code openssl} is not installed (CI
 * installs it).
 */
class CmsOpensslInteropTest {
    private static final byte[] CONTENT = "Tờ trình số 7/TTr-SYT\nkèm phụ lục\n".getBytes(StandardCharsets.UTF_8);

    private static NationalSandbox sandbox;
    private static TestPki pki;
    private static HttpRuntime runtime;
    private static CmsVerifier verifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(opensslPresent(), "openssl is not installed");
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        runtime = HttpRuntime.builder().build();
        // test validator (issued by the test CA); the real one is tested by the lead end to end
        verifier = CmsVerifier.builder().validator(TestValidators.issuedBy(pki)).build();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            runtime.close();
            sandbox.close();
        }
    }

    @Test
    void sdkDetachedSignatureVerifiesWithOpenssl() throws Exception {
        Path content = write("payload.txt", CONTENT);
        Path p7s = write("payload.p7s", CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()
                .sign(CONTENT, CmsPackaging.DETACHED));

        Result ok = opensslVerify(p7s, content);
        assertEquals(0, ok.exit, ok.output);
        assertTrue(ok.output.contains("Verification successful"), ok.output);

        Path other = write("other.txt", "Tờ trình số 8".getBytes(StandardCharsets.UTF_8));
        Result bad = opensslVerify(p7s, other);
        assertNotEquals(0, bad.exit, "openssl must reject other content: " + bad.output);
    }

    @Test
    void sdkEnvelopingCadesTSignatureVerifiesWithOpensslAndGivesTheContentBack() throws Exception {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        Path p7m = write("payload.p7m", CmsSigner.builder().source(pki.signer(TestPki.Kind.AGENCY)).timestamps(tsa)
                .build().sign(CONTENT, CmsPackaging.ENVELOPING));
        Path out = dir.resolve("out.bin");

        Result r = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7m.toString(),
                "-CAfile", pem("root.pem", pki.root()).toString(), "-certfile", pem("ca.pem", pki.ca()).toString(),
                "-purpose", "any", "-out", out.toString());

        assertEquals(0, r.exit, r.output);
        assertArrayEquals(CONTENT, Files.readAllBytes(out));
    }

    @Test
    void opensslDetachedCadesSignatureVerifiesWithTheSdk() throws Exception {
        Path content = write("payload.txt", CONTENT);
        Path p7s = dir.resolve("openssl.p7s");
        Result r = opensslSign(content, p7s, "-cades");
        assertEquals(0, r.exit, r.output);

        ValidationReport report = only(verifier.verifyDetached(Files.readAllBytes(p7s), CONTENT));

        assertTrue(report.isValid(), report.toString());
        assertTrue(report.signerName().orElseThrow().contains("Nguyễn Văn An"));
        assertEquals(List.of(), report.warnings(), "-cades adds signingCertificateV2");
        assertEquals(SubIndication.HASH_FAILURE, only(verifier.verifyDetached(Files.readAllBytes(p7s),
                "khác".getBytes(StandardCharsets.UTF_8))).subIndication().orElseThrow());
    }

    @Test
    void opensslStreamedEnvelopingSignatureInBerVerifiesWithTheSdk() throws Exception {
        Path content = write("payload.txt", CONTENT);
        Path p7m = dir.resolve("openssl.p7m");
        Result r = opensslSign(content, p7m, "-nodetach", "-stream");
        assertEquals(0, r.exit, r.output);
        byte[] ber = Files.readAllBytes(p7m);
        assertEquals(0x80, ber[1] & 0xff, "openssl -stream writes indefinite lengths");

        ValidationReport report = only(verifier.verify(ber));

        assertTrue(report.isValid(), report.toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("signing-certificate")), report.toString());
    }

    @Test
    void opensslSha1AndAttributeLessSignaturesAreReported() throws Exception {
        Path content = write("payload.txt", CONTENT);
        Path sha1 = dir.resolve("sha1.p7s");
        assertEquals(0, opensslSign(content, sha1, "-md", "sha1").exit);
        Path noattr = dir.resolve("noattr.p7s");
        assertEquals(0, opensslSign(content, noattr, "-noattr").exit);

        ValidationReport weak = only(verifier.verifyDetached(Files.readAllBytes(sha1), CONTENT));
        assertEquals(Indication.INDETERMINATE, weak.indication(), weak.toString());
        assertEquals(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, weak.subIndication().orElseThrow());
        assertEquals(SubIndication.FORMAT_FAILURE, only(verifier.verifyDetached(Files.readAllBytes(noattr),
                CONTENT)).subIndication().orElseThrow());
    }

    private Result opensslSign(Path content, Path out, String... extra) throws Exception {
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        Path keyPem = write("key.pem", ("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII));
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-sign", "-binary", "-in", content.toString(),
                "-signer", pem("signer.pem", key.certificate()).toString(), "-inkey", keyPem.toString(),
                "-certfile", pem("ca.pem", pki.ca()).toString(), "-outform", "DER", "-out", out.toString()));
        cmd.addAll(List.of(extra));
        return run(cmd.toArray(new String[0]));
    }

    private Result opensslVerify(Path p7s, Path content) throws Exception {
        return run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(), "-content",
                content.toString(), "-CAfile", pem("root.pem", pki.root()).toString(), "-certfile",
                pem("ca.pem", pki.ca()).toString(), "-purpose", "any", "-out", dir.resolve("verified.out").toString());
    }

    private Path pem(String name, java.security.cert.X509Certificate cert) throws IOException {
        return write(name, TestPki.pem(cert).getBytes(StandardCharsets.US_ASCII));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static ValidationReport only(List<ValidationReport> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close(); // nothing on stdin: openssl never waits for input
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean opensslPresent() {
        try {
            return run("openssl", "version").exit == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
