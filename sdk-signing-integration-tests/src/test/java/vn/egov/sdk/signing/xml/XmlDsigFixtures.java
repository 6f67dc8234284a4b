package vn.egov.sdk.signing.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.testkit.TestPki;

/** The test PKI, packages and helpers the XML-DSig tests share. */
final class XmlDsigFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:15:30Z"), ZoneOffset.UTC);
    static final TestPki PKI = TestPki.create("http://127.0.0.1:1", CLOCK);

    private XmlDsigFixtures() {
    }

    /** An unsigned document package of about {@code attachmentBytes} plus 3 KB of header. */
    static byte[] unsigned(int attachmentBytes) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("7816", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2026, 11, 20))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v kết nối trục liên thông văn bản quốc gia")
                .content("Đề nghị hoàn thành kết nối")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .steeringType(0)
                .build();
        byte[] pdf = new byte[attachmentBytes];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31 + 7);
        }
        Attachment a = new Attachment("cid:1", "cv7816.pdf", "", "application/pdf", AttachmentContent.ofBytes(pdf));
        DocumentPackage doc = EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(a), CLOCK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(doc, out);
        return out.toByteArray();
    }

    static EdXmlSigner.Builder signer(TestPki.Kind kind) {
        return EdXmlSigner.builder().source(PKI.signer(kind));
    }

    static EdXmlSignatureVerifier.Builder verifier() {
        return EdXmlSignatureVerifier.builder().certificateValidator(TestValidators.issuedBy(PKI)).clock(CLOCK);
    }

    static byte[] sign(EdXmlSigner signer, byte[] unsigned) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            signer.sign(new ByteArrayInputStream(unsigned), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] sign(SignatureSource source, byte[] unsigned) {
        return sign(EdXmlSigner.builder().source(source).build(), unsigned);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
