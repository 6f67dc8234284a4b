package vn.egov.sdk.spring.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.remote.RemoteSignatureSource;
import vn.egov.sdk.signing.remote.SmartCaClient;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.spring.EgovClientCustomizer;
import vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration;
import vn.egov.sdk.testkit.LgspSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SmartCaSandbox;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/** Keys, trust and SmartCA from {@code egov.signing.*}, driven end to end against the sandbox and its test PKI. */
@ExtendWith(NationalSandboxExtension.class)
class EgovSigningAutoConfigurationTest {
    private static final String PASSWORD = "mat-khau-p12";
    private static final byte[] PAYLOAD = "Công văn số 12/UBND".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path rootPem(NationalSandbox sandbox) throws Exception {
        return SigningFiles.certificatePem(dir, "root.pem", sandbox.pki().root());
    }

    private ApplicationContextRunner withP12(NationalSandbox sandbox, TestPki.Kind kind) throws Exception {
        Path p12 = SigningFiles.pkcs12(dir, kind + ".p12", sandbox.pki().signer(kind), "signer", PASSWORD);
        return SigningTestSupport.runner().withPropertyValues("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=" + PASSWORD, "egov.signing.trust.certificates=" + rootPem(sandbox));
    }

    @Test
    void nothingWithoutSettings() {
        SigningTestSupport.runner().run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(1, context.getBeanNamesForType(EgovSigningProperties.class).length);
            for (Class<?> type : List.of(SigningKey.class, TrustStore.class, CertificateValidator.class,
                    EdXmlSigner.class, EdXmlSignatureVerifier.class, CmsSigner.class, CmsVerifier.class,
                    PdfSigner.class, PdfSignatureVerifier.class, DocumentSigner.class, SignatureVerifier.class,
                    SmartCaClient.class, RemoteSignatureSource.class)) {
                assertEquals(0, context.getBeanNamesForType(type).length, type.getSimpleName());
            }
        });
    }

    @Test
    void aPkcs12KeyAndTrustGiveSignersAndVerifiersForCmsAndPdf(NationalSandbox sandbox) throws Exception {
        Path pdf = Files.write(dir.resolve("letter.pdf"), MinimalPdf.bytes());
        Path signed = dir.resolve("signed.pdf");
        withP12(sandbox, TestPki.Kind.AGENCY).run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(sandbox.pki().signer(TestPki.Kind.AGENCY).certificate(),
                    context.getBean(SigningKey.class).certificate());
            assertTrue(context.getBean(TrustStore.class).contains(sandbox.pki().root()));
            PkixCertificateValidator validator = context.getBean(PkixCertificateValidator.class);
            assertEquals(RevocationPolicy.HARD_FAIL, validator.revocationPolicy(), "checked online by default");

            byte[] p7s = context.getBean(CmsSigner.class).sign(PAYLOAD, CmsPackaging.DETACHED);
            ValidationReport cms = context.getBean(CmsVerifier.class).verifyDetached(p7s, PAYLOAD).get(0);
            assertEquals(Indication.VALID, cms.indication(), cms.reason());
            assertTrue(cms.signerName().orElseThrow().contains("UBND tỉnh Thử Nghiệm"), cms.toString());
            ValidationReport tampered = context.getBean(CmsVerifier.class)
                    .verifyDetached(p7s, "Công văn số 13/UBND".getBytes(StandardCharsets.UTF_8)).get(0);
            assertNotEquals(Indication.VALID, tampered.indication(), "a verifier that can fail");

            context.getBean(PdfSigner.class).sign(pdf, signed);
            List<ValidationReport> reports = context.getBean(PdfSignatureVerifier.class).verify(signed);
            assertEquals(1, reports.size(), reports.toString());
            assertEquals(Indication.VALID, reports.get(0).indication(), reports.get(0).reason());
        });
    }

    @Test
    void pemKeysPlainOrEncryptedAndAPkcs12EntryByAlias(NationalSandbox sandbox) throws Exception {
        SigningKey good = sandbox.pki().signer(TestPki.Kind.GOOD);
        Path chain = SigningFiles.chainPem(dir, "chain.pem", good);
        Path plain = SigningFiles.keyPem(dir, "key.pem", good);
        Path encrypted = SigningFiles.encryptedKeyPem(dir, "key-enc.pem", good, PASSWORD);
        SigningTestSupport.runner().withPropertyValues("egov.signing.pem.key=" + plain, "egov.signing.pem.chain=" + chain)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(good.certificateChain(), context.getBean(SigningKey.class).certificateChain());
                });
        SigningTestSupport.runner().withPropertyValues("egov.signing.pem.key=" + encrypted,
                "egov.signing.pem.chain=" + chain, "egov.signing.pem.password=" + PASSWORD)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(good.certificate(), context.getBean(SigningKey.class).certificate());
                    assertEquals(1, context.getBeanNamesForType(EdXmlSigner.class).length);
                    assertEquals(0, context.getBeanNamesForType(EdXmlSignatureVerifier.class).length,
                            "no verifier without trust anchors");
                });
        SigningKey agency = sandbox.pki().signer(TestPki.Kind.AGENCY);
        Path two = SigningFiles.pkcs12Two(dir, good, agency, PASSWORD);
        SigningTestSupport.runner().withPropertyValues("egov.signing.pkcs12.path=" + two,
                "egov.signing.pkcs12.password=" + PASSWORD, "egov.signing.pkcs12.alias=second")
                .run(context -> assertEquals(agency.certificate(), context.getBean(SigningKey.class).certificate()));
    }

    @Test
    void theAxisClientSignsWhatItSendsAndVerifiesWhatItFetches(NationalSandbox sandbox) throws Exception {
        String[] docId = new String[1];
        withP12(sandbox, TestPki.Kind.AGENCY)
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_1)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    docId[0] = context.getBean(VdxpAxisClient.class).send(SigningTestSupport.letter("301")).docId();
                });
        String unsigned = plainSender(sandbox).send(SigningTestSupport.letter("302")).docId();
        receiver(sandbox).run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(EdXmlSigner.class).length, "no key: verifies only");
            assertEquals(0, context.getBeanNamesForType(DocumentSigner.class).length);
            VdxpAxisClient client = context.getBean(VdxpAxisClient.class);
            try (ReceivedPackage received = client.fetch(docId[0])) {
                SignatureCheck check = received.signature().orElseThrow();
                assertEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
                assertTrue(check.signer().orElseThrow().contains("UBND tỉnh Thử Nghiệm"), check.toString());
            }
            try (ReceivedPackage received = client.fetch(unsigned)) {
                SignatureCheck check = received.signature().orElseThrow();
                assertNotEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
            }
        });
    }

    @Test
    void theProvincialAxisClientSignsAndVerifiesToo(NationalSandbox sandbox) throws Exception {
        String[] docId = new String[1];
        withP12(sandbox, TestPki.Kind.AGENCY).withConfiguration(AutoConfigurations.of(EgovLgspAutoConfiguration.class))
                .withPropertyValues(lgsp(sandbox, LgspSandbox.SYSTEM_1_ID, LgspSandbox.SYSTEM_1_SECRET_KEY))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    docId[0] = context.getBean(LgspAxisClient.class).send(lgspLetter()).docId();
                });
        SigningTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovLgspAutoConfiguration.class))
                .withPropertyValues(lgsp(sandbox, LgspSandbox.SYSTEM_2_ID, LgspSandbox.SYSTEM_2_SECRET_KEY))
                .withPropertyValues("egov.signing.trust.certificates=" + rootPem(sandbox))
                .run(context -> {
                    try (ReceivedPackage received = context.getBean(LgspAxisClient.class).fetch(docId[0])) {
                        SignatureCheck check = received.signature().orElseThrow();
                        assertEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
                        assertTrue(check.signer().orElseThrow().contains("UBND tỉnh Thử Nghiệm"), check.toString());
                    }
                });
    }

    private static String[] lgsp(NationalSandbox sandbox, String systemId, String secretKey) {
        return new String[] {"egov.lgsp.url=" + sandbox.lgspUrl(), "egov.lgsp.username=" + LgspSandbox.ADMIN_USERNAME,
            "egov.lgsp.password=" + LgspSandbox.ADMIN_PASSWORD,
            "egov.lgsp.application-code=" + LgspSandbox.APPLICATION_CODE, "egov.lgsp.system-id=" + systemId,
            "egov.lgsp.secret-key=" + secretKey};
    }

    private static DocumentPackage lgspLetter() {
        Clock clock = Clock.systemUTC();
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)"))
                .addTo(Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)"))
                .code("401", "UBND-VP")
                .promulgation("Vinh", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .subject("V/v thử nghiệm chữ ký trên trục tỉnh")
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000002"), List.of(), clock);
    }

    @Test
    void theAxisClientCanBeToldNotToSignOrVerify(NationalSandbox sandbox) throws Exception {
        String[] docId = new String[1];
        withP12(sandbox, TestPki.Kind.AGENCY)
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_1, "egov.signing.axis.sign=false")
                .run(context -> {
                    assertEquals(0, context.getBeanNamesForType(DocumentSigner.class).length);
                    assertEquals(1, context.getBeanNamesForType(EdXmlSigner.class).length, "still a signer bean");
                    docId[0] = context.getBean(VdxpAxisClient.class).send(SigningTestSupport.letter("305")).docId();
                });
        receiver(sandbox).run(context -> {
            try (ReceivedPackage received = context.getBean(VdxpAxisClient.class).fetch(docId[0])) {
                assertNotEquals(SignatureCheck.Indication.VALID, received.signature().orElseThrow().indication(),
                        "sent unsigned");
            }
        });
        receiver(sandbox).withPropertyValues("egov.signing.axis.verify=false").run(context -> {
            assertEquals(0, context.getBeanNamesForType(SignatureVerifier.class).length);
            try (ReceivedPackage received = context.getBean(VdxpAxisClient.class).fetch(docId[0])) {
                assertTrue(received.signature().isEmpty(), "not verified");
            }
        });
    }

    @Test
    void theReceiveLoopHandsOverPackagesWithTheirSignatureCheck(NationalSandbox sandbox) throws Exception {
        String[] docId = new String[1];
        withP12(sandbox, TestPki.Kind.AGENCY)
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_1)
                .run(context -> docId[0] = context.getBean(VdxpAxisClient.class)
                        .send(SigningTestSupport.letter("304")).docId());
        BlockingQueue<ReceivedPackage> received = new LinkedBlockingQueue<>();
        receiver(sandbox).withPropertyValues("egov.axis.receive.enabled=true", "egov.axis.receive.interval=100ms",
                "egov.axis.receive.checkpoint-file=" + dir.resolve("checkpoints.log"))
                .withBean(PackageHandler.class, () -> received::add)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    ReceivedPackage got = received.poll(20, TimeUnit.SECONDS);
                    assertNotNull(got, "the handler got the signed letter");
                    assertEquals(docId[0], got.docId());
                    SignatureCheck check = got.signature().orElseThrow();
                    assertEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
                });
    }

    @Test
    void aRevokedSignersPackageIsInvalidOnReceipt(NationalSandbox sandbox) throws Exception {
        String[] docId = new String[1];
        withP12(sandbox, TestPki.Kind.REVOKED)
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_1)
                .run(context -> docId[0] = context.getBean(VdxpAxisClient.class)
                        .send(SigningTestSupport.letter("303")).docId());
        receiver(sandbox).run(context -> {
            try (ReceivedPackage received = context.getBean(VdxpAxisClient.class).fetch(docId[0])) {
                SignatureCheck check = received.signature().orElseThrow();
                assertEquals(SignatureCheck.Indication.INVALID, check.indication(), check.reason());
                assertTrue(check.reason().contains("revoked"), check.reason());
            }
        });
    }

    @Test
    void smartCaSignsThroughTheSimulatorWhenNoLocalKeyIsGiven(NationalSandbox sandbox) throws Exception {
        Path ca = SigningFiles.certificatePem(dir, "ca.pem", sandbox.pki().ca());
        List<String> clients = new CopyOnWriteArrayList<>();
        smartCa(sandbox, ca)
                .withBean("seeClients", EgovClientCustomizer.class, () -> (client, settings) -> clients.add(client))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(SigningKey.class).length);
                    assertEquals(List.of("smartca"), clients);
                    assertSame(context.getBean(RemoteSignatureSource.class),
                            context.getBean(RemoteSignatureSource.class));
                    byte[] p7s = context.getBean(CmsSigner.class).sign(PAYLOAD, CmsPackaging.DETACHED);
                    ValidationReport r = context.getBean(CmsVerifier.class).verifyDetached(p7s, PAYLOAD).get(0);
                    assertEquals(Indication.VALID, r.indication(), r.reason());
                    assertEquals(1, sandbox.smartCa().signaturesMade(), "signed by the SmartCA simulator");
                });
    }

    @Test
    void theStartUpDoesNotWaitForSmartCa() {
        // nothing listens on port 9: the signer's certificate is fetched when the first document is signed
        SigningTestSupport.runner().withPropertyValues("egov.signing.smartca.url=http://127.0.0.1:9",
                "egov.signing.smartca.sp-id=" + SmartCaSandbox.SP_ID,
                "egov.signing.smartca.sp-password=" + SmartCaSandbox.SP_PASSWORD,
                "egov.signing.smartca.user-id=" + SmartCaSandbox.USER_CONFIRMS,
                "egov.signing.smartca.connect-timeout=1s", "egov.signing.smartca.deadline=3s",
                "egov.axis.url=http://127.0.0.1:9", "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                "egov.axis.secret=" + VdxpSandbox.SECRET_1)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(1, context.getBeanNamesForType(DocumentSigner.class).length);
                    assertEquals(1, context.getBeanNamesForType(VdxpAxisClient.class).length);
                    Exception e = assertThrows(Exception.class,
                            () -> context.getBean(EdXmlSigner.class));
                    assertTrue(SigningTestSupport.messages(e).contains("127.0.0.1:9"), SigningTestSupport.messages(e));
                });
    }

    @Test
    void aLocalKeyIsPreferredOverSmartCa(NationalSandbox sandbox) throws Exception {
        Path ca = SigningFiles.certificatePem(dir, "ca.pem", sandbox.pki().ca());
        Path p12 = SigningFiles.pkcs12(dir, "agency.p12", sandbox.pki().signer(TestPki.Kind.AGENCY), "a", PASSWORD);
        smartCa(sandbox, ca).withPropertyValues("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=" + PASSWORD)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(1, context.getBeanNamesForType(RemoteSignatureSource.class).length);
                    byte[] p7s = context.getBean(CmsSigner.class).sign(PAYLOAD, CmsPackaging.DETACHED);
                    ValidationReport r = context.getBean(CmsVerifier.class).verifyDetached(p7s, PAYLOAD).get(0);
                    assertEquals(Indication.VALID, r.indication(), r.reason());
                    assertTrue(r.signerName().orElseThrow().contains("UBND tỉnh Thử Nghiệm"), r.toString());
                    assertEquals(0, sandbox.smartCa().signaturesMade());
                });
    }

    @Test
    void aVendorsBeansWin(NationalSandbox sandbox) throws Exception {
        VendorBeans.key = sandbox.pki().signer(TestPki.Kind.GOOD);
        withP12(sandbox, TestPki.Kind.AGENCY).withUserConfiguration(VendorBeans.class).run(context -> {
            assertNull(context.getStartupFailure());
            assertSame(VendorBeans.key, context.getBean(SigningKey.class));
            assertFalse(context.containsBean("egovCertificateValidator"));
            assertSame(context.getBean("vendorValidator"), context.getBean(CertificateValidator.class));
            byte[] p7s = context.getBean(CmsSigner.class).sign(PAYLOAD, CmsPackaging.DETACHED);
            ValidationReport r = context.getBean(CmsVerifier.class).verifyDetached(p7s, PAYLOAD).get(0);
            assertTrue(r.signerName().orElseThrow().contains("Nguyễn Văn An"), r.toString());
            assertFalse(context.getBean(SigningKey.class).toString().contains(PASSWORD));
        });
    }

    @Test
    void clientsAndValidatorsAreClosedWithTheContext(NationalSandbox sandbox) throws Exception {
        Path ca = SigningFiles.certificatePem(dir, "ca.pem", sandbox.pki().ca());
        Path p12 = SigningFiles.pkcs12(dir, "agency.p12", sandbox.pki().signer(TestPki.Kind.AGENCY), "a", PASSWORD);
        smartCa(sandbox, ca).withPropertyValues("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=" + PASSWORD).run(context -> {
                    for (String bean : List.of("egovCertificateValidator", "egovSmartCaClient", "egovPdfSigner")) {
                        AbstractBeanDefinition definition = (AbstractBeanDefinition) ((ConfigurableApplicationContext)
                                context).getBeanFactory().getBeanDefinition(bean);
                        assertEquals(List.of("close"), List.of(definition.getDestroyMethodNames()), bean);
                    }
                });
    }

    private ApplicationContextRunner receiver(NationalSandbox sandbox) throws Exception {
        return SigningTestSupport.runner().withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(),
                "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2, "egov.axis.secret=" + VdxpSandbox.SECRET_2,
                "egov.signing.trust.certificates=" + rootPem(sandbox));
    }

    private ApplicationContextRunner smartCa(NationalSandbox sandbox, Path ca) throws Exception {
        return SigningTestSupport.runner().withPropertyValues("egov.signing.smartca.url=" + sandbox.smartCaUrl(),
                "egov.signing.smartca.sp-id=" + SmartCaSandbox.SP_ID,
                "egov.signing.smartca.sp-password=" + SmartCaSandbox.SP_PASSWORD,
                "egov.signing.smartca.user-id=" + SmartCaSandbox.USER_CONFIRMS,
                "egov.signing.smartca.intermediates=" + ca, "egov.signing.smartca.poll-interval=200ms",
                "egov.signing.smartca.confirm-timeout=20s", "egov.signing.trust.certificates=" + rootPem(sandbox));
    }

    private static VdxpAxisClient plainSender(NationalSandbox sandbox) {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorBeans {
        static volatile SigningKey key;

        @Bean
        SigningKey vendorKey() {
            return key;
        }

        @Bean(destroyMethod = "close")
        PkixCertificateValidator vendorValidator(TrustStore trust) {
            return PkixCertificateValidator.builder().trustStore(trust).revocationPolicy(RevocationPolicy.OFFLINE)
                    .build();
        }
    }
}
