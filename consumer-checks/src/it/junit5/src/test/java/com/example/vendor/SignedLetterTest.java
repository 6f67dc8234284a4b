package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
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
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * What a vendor's integration test looks like: one agency sends a signed official letter through the national
 * axis, the other receives it, checks the signature against the test PKI's root and acknowledges it.
 */
@ExtendWith(NationalSandboxExtension.class)
class SignedLetterTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final byte[] PDF = "%PDF-1.7\n% công văn mẫu\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void signedLetterIsSentReceivedVerifiedAndAcknowledged(NationalSandbox sandbox) throws IOException {
        try (PkixCertificateValidator validator = PkixCertificateValidator.builder()
                     .trustStore(TrustStore.builder().trust(sandbox.pki().root()).build())
                     .revocationPolicy(RevocationPolicy.HARD_FAIL)
                     .build()) {
            EdXmlAxisSignatures signatures = EdXmlAxisSignatures.of(
                    EdXmlSigner.builder().source(sandbox.pki().signer(TestPki.Kind.AGENCY)).build(),
                    EdXmlSignatureVerifier.builder().certificateValidator(validator).build());
            try (VdxpAxisClient government = client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, signatures);
                 VdxpAxisClient province = client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, signatures)) {

                SendResult sent = government.send(letter("101"));

                List<ReceivedItem> waiting = province.listReceived(MessageType.EDOC);
                assertEquals(List.of(sent.docId()), waiting.stream().map(ReceivedItem::docId).toList());
                try (ReceivedPackage received = province.fetch(sent.docId())) {
                    SignatureCheck check = received.signature().orElseThrow();
                    assertEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
                    DocumentPackage document = assertInstanceOf(DocumentPackage.class, received.pkg());
                    assertEquals("V/v triển khai liên thông văn bản điện tử", document.header().subject());
                    try (InputStream pdf = document.attachments().get(0).content().openStream()) {
                        assertArrayEquals(PDF, pdf.readAllBytes());
                    }
                }
                province.acknowledge(sent.docId(), TransportAck.DONE);
                assertTrue(province.listReceived(MessageType.EDOC).isEmpty(), "acknowledged: no longer offered");
            }
        }
    }

    @Test
    void theProjectsOwnJUnitRunsTheExtension(NationalSandbox sandbox) {
        assertEquals(System.getProperty("expected.junit.version"), Test.class.getPackage().getImplementationVersion(),
                "the SDK must not bring its own JUnit");
        assertTrue(sandbox.isRunning());
    }

    private static VdxpAxisClient client(NationalSandbox sandbox, String systemId, String secret,
            EdXmlAxisSignatures signatures) {
        return VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(systemId)
                .secret(Secret.of(secret))
                .signer(signatures)
                .verifier(signatures)
                .build();
    }

    private static DocumentPackage letter(String number) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ"))
                .addTo(Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An"))
                .code(number, "VPCP-KSTT")
                .promulgation("Hà Nội", LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v triển khai liên thông văn bản điện tử")
                .content("Đề nghị các cơ quan hoàn thành kết nối trục liên thông")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .addToPlace("Như trên")
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "NVA", 1, 2))
                .build();
        Attachment pdf = new Attachment("cid:1", "cv" + number + ".pdf", "Công văn " + number, "application/pdf",
                AttachmentContent.ofBytes(PDF));
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Trần Thị B", "vanthu@chinhphu.vn", ""),
                List.of(pdf), CLOCK);
    }
}
