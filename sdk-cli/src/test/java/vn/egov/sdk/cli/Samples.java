package vn.egov.sdk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;

/** Sample packages written to files, built with sdk-core's {@link EdXmlPackages}. */
final class Samples {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-02T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

    private Samples() {
    }

    static MessageHeader.Builder header() {
        return MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("123", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2024, 5, 2))
                .documentType(DocumentType.of(1, 1, "Công văn"))
                .subject("V/v thử nghiệm dòng lệnh");
    }

    static DocumentPackage document(MessageHeader header) {
        Attachment letter = new Attachment("letter", "cong-van.pdf", "Công văn", "application/pdf",
                AttachmentContent.ofBytes("%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII)));
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Nguyễn Văn A", "vanthu@example.vn", ""),
                List.of(letter), CLOCK);
    }

    /** A document with an attachment of {@code size} pseudo-random bytes (the same each run). */
    static DocumentPackage large(MessageHeader header, int size) {
        byte[] pdf = new byte[size];
        new java.util.Random(size).nextBytes(pdf);
        Attachment big = new Attachment("scan", "ban-quet.pdf", "Bản quét", "application/pdf",
                AttachmentContent.ofBytes(pdf));
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Nguyễn Văn A", "vanthu@example.vn", ""),
                List.of(big), CLOCK);
    }

    static Path write(Path dir, String name, EdXmlPackage pkg) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            EdXml.write(pkg, out);
        }
        return file;
    }
}
