package vn.egov.sdk.examples.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * Prepares a running sandbox for the sample on a given port, and gives the {@code sandbox.*} values that
 * {@code application-sandbox.properties} refers to: the test PKI's agency key as a PKCS#12 file and its root as a PEM
 * file, the portal's SSO client with its redirect URIs, the payment platform's callback URL. Used by
 * {@link SandboxApplication} and by the tests, so both run the same settings.
 */
final class SandboxSetup {
    /** The PKCS#12 file's password: a test value, not a secret of any real system. */
    static final String PKCS12_PASSWORD = "sample-test-password";
    /** The agency whose system sends the documents this portal receives (the sandbox's first test system). */
    static final Organization SENDER = Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ");
    /** This portal's agency, as in {@code application.properties}. */
    static final Organization PORTAL = Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An");

    private SandboxSetup() {
    }

    /**
     * Prepares the sandbox for a portal served at {@code http://localhost:port} and writes its files to {@code dir}.
     *
     * @return the {@code sandbox.*} properties
     */
    static Map<String, Object> prepare(NationalSandbox sandbox, int port, Path dir) {
        try {
            Files.createDirectories(dir);
            SigningKey agency = sandbox.pki().signer(TestPki.Kind.AGENCY);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("agency", agency.privateKey(), PKCS12_PASSWORD.toCharArray(),
                    agency.certificateChain().toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(dir.resolve("agency.p12"))) {
                ks.store(out, PKCS12_PASSWORD.toCharArray());
            }
            Files.writeString(dir.resolve("test-root.pem"), sandbox.pki().rootPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String base = "http://localhost:" + port;
        sandbox.sso().registerClient("egov-sample-portal", "egov-sample-portal-secret", base + "/login/callback")
                .registerPostLogoutRedirectUri("egov-sample-portal", base + "/");
        sandbox.dvcqgPay().callbackUrl(DvcqgPaySandbox.MERCHANT_CODE,
                URI.create(base + "/egov/payment/dvcqg/callback"));
        return Map.of("sandbox.base-url", sandbox.baseUrl(), "sandbox.files", dir.toAbsolutePath().toString(),
                "sandbox.pkcs12-password", PKCS12_PASSWORD, "server.port", port);
    }

    /**
     * A client of the sending agency's system, signing with the test PKI's {@code GOOD} key and verifying with
     * {@code validator}.
     */
    static VdxpAxisClient sender(NationalSandbox sandbox, CertificateValidator validator) {
        EdXmlAxisSignatures signatures = EdXmlAxisSignatures.of(
                EdXmlSigner.builder().source(sandbox.pki().signer(TestPki.Kind.GOOD)).build(),
                EdXmlSignatureVerifier.builder().certificateValidator(validator).build());
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1))
                .signer(signatures).verifier(signatures).build();
    }

    /** An official letter from the sending agency to this portal's agency, with one PDF. */
    static DocumentPackage letter(String number) {
        Clock clock = Clock.systemUTC();
        MessageHeader header = MessageHeader.builder()
                .from(SENDER)
                .addTo(PORTAL)
                .code(number, "VPCP-KSTT")
                .promulgation("Hà Nội", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v triển khai liên thông văn bản điện tử " + number)
                .content("Đề nghị các cơ quan hoàn thành kết nối trục liên thông")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .addToPlace("Như trên")
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "NVA", 1, 2))
                .build();
        Attachment pdf = new Attachment("cid:1", "cv" + number + ".pdf", "Công văn " + number, "application/pdf",
                AttachmentContent.ofBytes("%PDF-1.7\n% công văn mẫu\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Trần Thị B", "vanthu@chinhphu.vn", ""),
                List.of(pdf), clock);
    }
}
