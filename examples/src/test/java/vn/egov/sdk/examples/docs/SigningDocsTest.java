package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.VietnamTrustAnchors;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The snippets of docs/SIGNING.md: keys from PKCS#12, PEM and a PKCS#11 token (SoftHSM), a pinned Vietnamese root,
 * and the axis clients signing what they send and verifying what they receive against the sandbox's test PKI.
 */
@ExtendWith(NationalSandboxExtension.class)
class SigningDocsTest {
    private static final Logger LOG = LoggerFactory.getLogger(SigningDocsTest.class);
    private static final Path ROOT = Paths.get(System.getProperty("egov.repo.root", "..")).toAbsolutePath()
            .normalize();
    private static final List<Path> SOFTHSM = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));

    @TempDir
    Path dir;

    @Test
    void keysFromPkcs12AndPem(NationalSandbox sandbox) throws Exception {
        SigningKey issued = sandbox.pki().signer(TestPki.Kind.AGENCY);
        String password = "p12-password";
        Path p12File = dir.resolve("signer.p12");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("signer", issued.privateKey(), password.toCharArray(),
                issued.certificateChain().toArray(new Certificate[0]));
        try (OutputStream out = Files.newOutputStream(p12File)) {
            p12.store(out, password.toCharArray());
        }
        Path keyPem = Files.writeString(dir.resolve("signer.key"),
                pem("PRIVATE KEY", issued.privateKey().getEncoded()));
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : issued.certificateChain()) {
            chain.append(TestPki.pem(c));
        }
        Path chainPem = Files.writeString(dir.resolve("signer-chain.pem"), chain);

        // snippet:signing-keys
        SigningKey fromP12 = SigningKey.fromPkcs12(p12File, Secret.of(password));          // .p12 / .pfx
        SigningKey fromPem = SigningKey.fromPem(keyPem, chainPem, Optional.empty());        // unencrypted key
        // end:signing-keys

        for (SigningKey key : List.of(fromP12, fromPem)) {
            assertEquals(issued.certificateChain(), key.certificateChain());
            byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);
            assertTrue(key.sign(new DataToSign(data, SignatureAlgorithm.RSA_SHA256)).value().length >= 256);
        }
    }

    @Test
    void keyOnAPkcs11Token() throws Exception {
        Path library = SOFTHSM.stream().filter(Files::isReadable).findFirst().orElse(null);
        if (library == null) {
            LOG.warn("SoftHSM 2 (Debian package softhsm2) is not installed: the PKCS#11 snippet test is skipped");
        }
        assumeTrue(library != null, "SoftHSM 2 (Debian package softhsm2) is not installed: PKCS#11 snippet skipped");
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path conf = Files.writeString(dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "agency",
                "--pin", "123456", "--so-pin", "12345678").redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        runAndRead(init, 0);
        Path tokenConfig = Files.writeString(dir.resolve("token.cfg"),
                "name = AgencyToken\nlibrary = " + library + "\nslotListIndex = 0\n");
        ProcessBuilder main = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Pkcs11SnippetMain.class.getName(),
                tokenConfig.toString(), "123456").redirectErrorStream(true);
        main.environment().put("SOFTHSM2_CONF", conf.toString());
        String out = runAndRead(main, 0);
        assertTrue(out.contains("TOKEN-SIGNED true"), out);
    }

    @Test
    void aPinnedVietnameseRoot() throws Exception {
        Path folder = ROOT.resolve("../shared/conformance/trust").normalize();
        Path vgcaRoot2010 = folder.resolve("vgca-root-ca-2010.cer");
        if (!Files.isReadable(vgcaRoot2010)) {
            LOG.warn("folder {} missing: pinned-root snippet test skipped", folder);
        }
        assumeTrue(Files.isReadable(vgcaRoot2010), "folder " + folder + " missing: pinned-root snippet test skipped");

        // snippet:signing-trust
        TrustStore trust = TrustStore.builder()
                .pinned(VietnamTrustAnchors.VGCA_ROOT_2010, vgcaRoot2010) // admitted only if its SHA-256 matches
                .build();
        try (PkixCertificateValidator validator = PkixCertificateValidator.builder()
                .trustStore(trust)
                .revocationPolicy(RevocationPolicy.HARD_FAIL)                 // no OCSP/CRL answer: INDETERMINATE
                .build()) {
            System.out.println(validator.trustStore());
        }
        // end:signing-trust
        assertEquals(1, trust.size());
    }

    @Test
    void theAxisClientsSignAndVerify(NationalSandbox sandbox) {
        DocumentPackage letter = letter();

        // snippet:signing-axis
        SigningKey key = sandbox.pki().signer(TestPki.Kind.AGENCY);  // yours: fromPkcs12, fromPem, fromPkcs11
        try (PkixCertificateValidator validator = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(sandbox.pki().root()).build()) // yours: pinned roots
                .revocationPolicy(RevocationPolicy.HARD_FAIL)
                .build()) {
            EdXmlAxisSignatures xml = EdXmlAxisSignatures.of(EdXmlSigner.builder().source(key).build(),
                    EdXmlSignatureVerifier.builder().certificateValidator(validator).build());
            try (VdxpAxisClient sender = VdxpAxisClient.builder()
                    .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                    .systemId(VdxpSandbox.SYSTEM_1)
                    .secret(Secret.of(VdxpSandbox.SECRET_1))
                    .signer(xml)                       // every package sent is signed
                    .verifier(xml)                     // every package received is verified
                    .build();
                 VdxpAxisClient receiver = VdxpAxisClient.builder()
                    .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                    .systemId(VdxpSandbox.SYSTEM_2)
                    .secret(Secret.of(VdxpSandbox.SECRET_2))
                    .signer(xml)
                    .verifier(xml)
                    .build()) {
                sender.send(letter);
                for (ReceivedItem item : receiver.listReceived(MessageType.EDOC)) {
                    try (ReceivedPackage received = receiver.fetch(item.docId())) {
                        SignatureCheck check = received.signature().orElseThrow();
                        System.out.println(check.indication() + " " + check.signer().orElse("?") + ": "
                                + check.reason());
                        assertEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
                    }
                }
            }
        }
        // end:signing-axis
        assertEquals(1, sandbox.vdxp().storedPackages());
    }

    private static DocumentPackage letter() {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ"))
                .addTo(Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An"))
                .code("7", "VPCP-KSTT")
                .promulgation("Hà Nội", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v ký số văn bản")
                .signer(new SignerInfo("", "Chánh Văn phòng", "Nguyễn Văn A"))
                .build();
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Trần Thị B", "", ""), List.of(),
                java.time.Clock.systemUTC());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String runAndRead(ProcessBuilder pb, int expectedExit) throws Exception {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + pb.command());
        assertEquals(expectedExit, p.exitValue(), out);
        return out;
    }
}
