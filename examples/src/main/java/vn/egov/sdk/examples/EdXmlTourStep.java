package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.EdXmlValidationReport;

/** The Tour's edXML step: build a package, validate it, write it, read it back, reply with a status package. */
final class EdXmlTourStep {
    /** What the step produced. */
    record Result(Path document, long documentBytes, boolean valid, int warnings, boolean roundTripEqual,
            String status, Path statusFile) {
    }

    private EdXmlTourStep() {
    }

    static Result run(Path out) {
        Clock clock = Clock.systemUTC();
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("123", "VPCP-KSTT")
                .promulgation("Hà Nội", LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v thử nghiệm liên thông văn bản")
                .content("Văn bản gửi thử qua trục liên thông")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG", "Thứ trưởng", "Nguyễn Văn A"))
                .addToPlace("Như trên")
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "NVA", 1, 1))
                .build();
        Attachment pdf = new Attachment("cid:1", "cv123.pdf", "Công văn 123", "application/pdf",
                AttachmentContent.ofBytes("%PDF-1.7 thử".getBytes(StandardCharsets.UTF_8)));
        DocumentPackage doc = EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Trần Thị B", "vanthu@chinhphu.vn", "0912000000"), List.of(pdf), clock);
        EdXmlValidationReport report = EdXmlValidator.builder().clock(clock).build().validate(doc);

        Path file = out.resolve("document.edxml");
        write(doc, file);
        boolean equal;
        try (InputStream in = Files.newInputStream(file); EdXmlPackage back = EdXml.read(in)) {
            equal = back.equals(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StatusPackage reply = EdXmlPackages.statusReply(doc, Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"),
                EdocStatus.ACCEPTED, StaffInfo.of("Văn thư", "Lê Văn C", "", ""), "", clock);
        Path statusFile = out.resolve("status-reply.edxml");
        write(reply, statusFile);
        try {
            return new Result(file, Files.size(file), report.isValid(), report.warnings().size(), equal,
                    reply.status().toString(), statusFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(EdXmlPackage pkg, Path file) {
        try (OutputStream o = Files.newOutputStream(file)) {
            EdXml.write(pkg, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
