package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.testkit.LgspSandbox;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/** The axis clients sign before sending and verify on receipt, end to end through the sandbox's national axis. */
class EdXmlAxisSignaturesTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    private VdxpAxisClient client(String system, String secret, EdXmlAxisSignatures xml) {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).readTimeout(Duration.ofSeconds(5)).build())
                .systemId(system).secret(Secret.of(secret)).signer(xml).verifier(xml).build();
    }

    private EdXmlAxisSignatures signatures(TestPki.Kind kind) {
        TestPki pki = sandbox.pki();
        return EdXmlAxisSignatures.of(EdXmlSigner.builder().source(pki.signer(kind)).build(),
                EdXmlSignatureVerifier.builder().certificateValidator(TestValidators.issuedBy(pki)).build());
    }

    @Test
    void aSignedPackageTravelsThroughTheAxisAndVerifiesOnReceiptWithTheAxisHopNamed() throws Exception {
        EdXmlAxisSignatures xml = signatures(TestPki.Kind.GOOD);
        try (VdxpAxisClient sender = client(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, xml);
             VdxpAxisClient receiver = client(VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, xml)) {
            DocumentPackage doc;
            try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(XmlDsigFixtures.unsigned(2000)))) {
                doc = (DocumentPackage) pkg;
            }
            SendResult sent = sender.send(doc);
            try (ReceivedPackage received = receiver.fetch(sent.docId())) {
                SignatureCheck check = received.signature().orElseThrow();
                assertEquals(SignatureCheck.Indication.VALID, check.indication(), check::toString);
                assertEquals(Optional.of(sandbox.pki().signer(TestPki.Kind.GOOD).certificate()
                        .getSubjectX500Principal().getName()), check.signer());
                assertTrue(check.reason().contains(VdxpSandbox.AXIS_ORGAN_ID), check.reason());
                assertTrue(((DocumentPackage) received.pkg()).signature().isPresent());
                // the status reply, signed too, travels back and verifies (the axis adds a trace list to it)
                StatusPackage reply = EdXmlPackages.statusReply((DocumentPackage) received.pkg(),
                        Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An"), EdocStatus.ACCEPTED,
                        StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), "",
                        Clock.systemUTC());
                receiver.send(reply);
            }
            List<ReceivedItem> statuses = sender.listReceived(MessageType.STATUS);
            assertEquals(1, statuses.size());
            try (ReceivedPackage status = sender.fetch(statuses.get(0).docId())) {
                SignatureCheck check = status.signature().orElseThrow();
                assertEquals(SignatureCheck.Indication.VALID, check.indication(), check::toString);
                assertTrue(check.reason().contains(VdxpSandbox.AXIS_ORGAN_ID), check.reason());
            }
        }
    }

    @Test
    void theProvincialAxisClientSignsAndVerifiesToo() {
        EdXmlAxisSignatures xml = signatures(TestPki.Kind.AGENCY);
        try (LgspAxisClient sender = lgsp(LgspSandbox.SYSTEM_1_ID, LgspSandbox.SYSTEM_1_SECRET_KEY, xml);
             LgspAxisClient receiver = lgsp(LgspSandbox.SYSTEM_2_ID, LgspSandbox.SYSTEM_2_SECRET_KEY, xml)) {
            MessageHeader header = MessageHeader.builder()
                    .from(Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)"))
                    .addTo(Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)"))
                    .code("12", "UBND-VP").promulgation("Lạng Sơn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))
                    .documentType(DocumentType.of(1, 18, "Công văn")).subject("V/v thử nghiệm ký số gói tin")
                    .signer(new SignerInfo("TL. CHỦ TỊCH", "Chánh Văn phòng", "Trần Văn B")).build();
            DocumentPackage doc = EdXmlPackages.newDocument(header,
                    StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(),
                    Clock.systemUTC());
            SendResult sent = sender.send(doc);
            try (ReceivedPackage received = receiver.fetch(sent.docId())) {
                SignatureCheck check = received.signature().orElseThrow();
                assertEquals(SignatureCheck.Indication.VALID, check.indication(), check::toString);
                assertEquals(Optional.of(sandbox.pki().signer(TestPki.Kind.AGENCY).certificate()
                        .getSubjectX500Principal().getName()), check.signer());
            }
        }
    }

    private LgspAxisClient lgsp(String system, String key, EdXmlAxisSignatures xml) {
        return LgspAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.lgspUrl()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).build())
                .deadline(Duration.ofSeconds(10)).build())
                .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD), LgspSandbox.APPLICATION_CODE)
                .system(system, Secret.of(key)).signer(xml).verifier(xml).build();
    }

    @Test
    void aPackageFromAnExpiredSignerArrivesWithAnInvalidCheck() {
        try (VdxpAxisClient sender = client(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1,
                signatures(TestPki.Kind.EXPIRED));
             VdxpAxisClient receiver = client(VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2,
                     signatures(TestPki.Kind.GOOD))) {
            DocumentPackage doc;
            try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(XmlDsigFixtures.unsigned(10)))) {
                doc = (DocumentPackage) pkg;
            }
            SendResult sent = sender.send(doc);
            try (ReceivedPackage received = receiver.fetch(sent.docId())) {
                assertEquals(SignatureCheck.Indication.INVALID, received.signature().orElseThrow().indication());
            }
        }
    }

    @Test
    void reportsMapToChecks() {
        ValidationReport unsigned = XmlDsigFixtures.verifier().build().verify(XmlDsigFixtures.unsigned(10));
        SignatureCheck check = EdXmlAxisSignatures.toCheck(unsigned);
        assertEquals(SignatureCheck.Indication.INDETERMINATE, check.indication());
        assertEquals(SubIndication.SIGNED_DATA_NOT_FOUND, unsigned.subIndication().orElseThrow());
        assertEquals(Optional.empty(), check.signer());
        assertEquals(Indication.INDETERMINATE, unsigned.indication());
    }
}
