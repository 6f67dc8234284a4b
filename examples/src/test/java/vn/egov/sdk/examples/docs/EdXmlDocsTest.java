package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.EdXmlValidationReport;
import vn.egov.sdk.edxml.ZipAttachments;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The snippets of docs/EDXML.md: a header and attachments built, the package validated, written, read back, and
 * sent between the sandbox's two agencies, which receive what was written.
 */
@ExtendWith(NationalSandboxExtension.class)
class EdXmlDocsTest {
    @TempDir
    Path dir;

    @Test
    void buildValidateWriteReadAndSend(NationalSandbox sandbox) throws IOException {
        byte[] pdfBytes = "%PDF-1.7\n% công văn mẫu\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        Path annexFile = Files.writeString(dir.resolve("phu-luc.pdf"), "%PDF-1.7\n% phụ lục\n%%EOF\n");
        InputStream upload = new ByteArrayInputStream("dự thảo".getBytes(StandardCharsets.UTF_8));
        Path packageFile = dir.resolve("cv123.edxml");

        // snippet:edxml-header
        Clock clock = Clock.systemUTC();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        Organization sender = new Organization(OrganId.of("000.00.00.G22"), // mã định danh (QĐ 20/2020)
                "Chính phủ",                                               // cơ quan chủ quản
                "Văn phòng Chính phủ",                                     // tên cơ quan
                "Hà Nội",                                                  // địa chỉ
                "vanthu@chinhphu.vn", "024 0000 0000", "", "");            // email, phone, fax, website
        MessageHeader header = MessageHeader.builder()
                .from(sender)
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))  // one or more receivers
                .code("123", "VPCP-KSTT")                                       // số 123, ký hiệu VPCP-KSTT
                .promulgation("Hà Nội", today)                                  // nơi, ngày ban hành
                .documentType(DocumentType.of(1, 18, "Công văn"))               // loại văn bản
                .subject("V/v triển khai liên thông văn bản điện tử")             // trích yếu
                .content("Đề nghị các cơ quan hoàn thành kết nối trục liên thông")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .dueDate(today.plusDays(10))                                    // hạn xử lý (optional)
                .addToPlace("Như trên")                                         // nơi nhận as printed
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "NVA", 1, 2))
                .build();                  // DocumentId derived: 000.00.00.G22,<yyyy/MM/dd>,123/VPCP-KSTT
        // end:edxml-header

        // snippet:edxml-attachment
        Attachment letter = new Attachment("cid:1", "cv123.pdf", "Công văn 123", "application/pdf",
                AttachmentContent.ofBytes(pdfBytes));                     // bytes in hand (copied)
        Attachment annex = new Attachment("cid:2", "phu-luc.pdf", "Phụ lục", "application/pdf",
                AttachmentContent.ofFile(annexFile));                     // read when written, never deleted
        Path copy = Files.createTempFile(dir, "upload", ".docx");         // a stream: copy it to a file first
        Files.copy(upload, copy, StandardCopyOption.REPLACE_EXISTING);
        Attachment draft = new Attachment("cid:3", "du-thao.docx", "Dự thảo",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                AttachmentContent.ofTemporaryFile(copy));                 // deleted when the package is closed
        // end:edxml-attachment

        // snippet:edxml-write
        DocumentPackage doc = EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Trần Thị B", "vanthu@chinhphu.vn", "0912000000"), // who sends it
                List.of(letter, annex, draft), clock);
        try (OutputStream out = Files.newOutputStream(packageFile)) {
            EdXml.write(doc, out);
        }
        // end:edxml-write

        // snippet:edxml-validate
        EdXmlValidationReport report = EdXmlValidator.builder().clock(clock).build().validate(doc);
        report.throwIfInvalid();            // ValidationException listing every error (code + path)
        report.warnings().forEach(w -> System.out.println(w.code() + ": " + w.message()));
        // end:edxml-validate
        assertTrue(report.isClean(), report.violations().toString());
        assertEquals("000.00.00.G22," + today.toString().replace('-', '/') + ",123/VPCP-KSTT",
                header.documentId().value());

        // snippet:edxml-read
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(packageFile); EdXmlPackage pkg = EdXml.read(in)) {
            if (pkg instanceof DocumentPackage received) {
                System.out.println(received.header().subject());         // trích yếu
                System.out.println(received.header().to().get(0).organId().isConforming());
                for (Attachment a : received.attachments()) {
                    try (InputStream bytes = a.content().openStream()) {
                        Files.copy(bytes, dir.resolve("received-" + a.name()));
                    }
                    if (a.isZipWrapped()) {                              // as the VNPT library sends files
                        ZipAttachments.unwrap(a).forEach(inner -> names.add(inner.name()));
                    } else {
                        names.add(a.name());
                    }
                }
            } else if (pkg instanceof StatusPackage status) {
                System.out.println(status.status());                     // EdocStatus.ACCEPTED, …
            }
        }   // close() deletes the temporary files made for large attachments
        // end:edxml-read
        assertEquals(List.of("cv123.pdf", "phu-luc.pdf", "du-thao.docx"), names);
        assertEquals("dự thảo", Files.readString(dir.resolve("received-du-thao.docx")));

        // what was written goes through the sandbox's axis and arrives as it was read
        try (VdxpAxisClient from = client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1);
             VdxpAxisClient to = client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)) {
            from.send(doc);
            List<ReceivedItem> items = to.listReceived(MessageType.EDOC);
            assertEquals(1, items.size());
            ByteArrayOutputStream fetched = new ByteArrayOutputStream();
            to.fetchTo(items.get(0).docId(), fetched);
            try (EdXmlPackage arrived = EdXml.read(new ByteArrayInputStream(fetched.toByteArray()));
                 ReceivedPackage received = to.fetch(items.get(0).docId())) {
                DocumentPackage d = (DocumentPackage) arrived;
                assertEquals(header, d.header());
                assertEquals(3, d.attachments().size());
                assertEquals(header.subject(), ((DocumentPackage) received.pkg()).header().subject());
            }
            StatusPackage reply = EdXmlPackages.statusReply(doc, Organization.of(VdxpSandbox.ORGAN_2, "UBND"),
                    EdocStatus.ACCEPTED, StaffInfo.of("Văn thư", "Lê Văn C", "", ""), "", clock);
            to.send(reply);
            assertEquals(1, from.listReceived(MessageType.STATUS).size());
        }
        doc.close();
    }

    private static VdxpAxisClient client(NationalSandbox sandbox, String systemId, String secret) {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build()).systemId(systemId).secret(Secret.of(secret))
                .build();
    }
}
