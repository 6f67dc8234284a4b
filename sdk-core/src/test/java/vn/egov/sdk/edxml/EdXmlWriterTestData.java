package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.internal.EdXmlWriter;

/** Packages, clock and helpers shared by the writer's tests. */
final class EdXmlWriterTestData {
    /** 2024-05-02 09:15:30.123 in Hà Nội; the zone of the clock itself must not matter. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-02T02:15:30.123Z"), ZoneOffset.UTC);
    static final String NS = EdXmlNames.NAMESPACE;
    static final byte[] SMALL_PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    private static final String GOLDEN_UPDATE = "edxml.golden.update";

    private EdXmlWriterTestData() {
    }

    static Organization vpcp() {
        return new Organization(OrganId.of("000.00.00.G22"), "Chính phủ", "Văn phòng Chính phủ",
                "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội", "vpcp@chinhphu.vn", "080 43100", "080 44130",
                "vpcp.chinhphu.vn");
    }

    static Organization ngheAn() {
        return new Organization(OrganId.of("000.00.00.H41"), "UBND tỉnh Nghệ An", "Văn phòng UBND tỉnh Nghệ An",
                "Số 03 Trường Thi, TP Vinh, Nghệ An", "vanthu@nghean.gov.vn", "0238 3840418", "0238 3843049",
                "nghean.gov.vn");
    }

    static Organization daNang() {
        return Organization.of("000.00.00.H17", "UBND thành phố Đà Nẵng");
    }

    static StaffInfo clerk() {
        return StaffInfo.of("Văn thư văn phòng", "Nguyễn Thị Ngọc Trâm", "vanthu@chinhphu.vn", "84912000001");
    }

    /** A header with every optional element set. */
    static MessageHeader header() {
        return MessageHeader.builder()
                .from(vpcp())
                .addTo(ngheAn())
                .addTo(daNang())
                .code("7816", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2024, 5, 2))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v kết nối, liên thông phần mềm quản lý văn bản")
                .content("Đề nghị các cơ quan hoàn thành kết nối trước ngày 10/5/2024")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .dueDate(LocalDate.of(2024, 5, 10))
                .addToPlace("Như trên")
                .addToPlace("Lưu: VT, TTĐT")
                .otherInfo(new OtherInfo(OptionalInt.of(1), "Liên thông văn bản quốc gia", "TVC", OptionalInt.of(2),
                        OptionalInt.of(3), Optional.of(false), List.of("Phụ lục I: danh sách cơ quan"), List.of()))
                .steeringType(1)
                .build();
    }

    static Attachment smallAttachment() {
        return new Attachment("cid:1", "7816-VPCP-TTĐT.pdf", "Công văn 7816/VPCP-TTĐT", "application/pdf",
                AttachmentContent.ofBytes(SMALL_PDF));
    }

    static DocumentPackage newDocument() {
        return EdXmlPackages.newDocument(header(), clerk(), List.of(smallAttachment()), CLOCK);
    }

    static DocumentPackage revoke() {
        return EdXmlPackages.revoke(newDocument(), clerk(), "Văn bản ban hành nhầm đối tượng", CLOCK);
    }

    static DocumentPackage update() {
        MessageHeader changed = header().toBuilder()
                .subject("V/v kết nối, liên thông phần mềm quản lý văn bản (cập nhật)")
                .to(List.of(ngheAn(), Organization.of("000.00.00.H14", "UBND tỉnh Hà Giang")))
                .build();
        BusinessDocumentInfo what = new BusinessDocumentInfo(OptionalInt.of(1), OptionalInt.of(1), List.of(
                new Receiver(OrganId.of("000.00.00.H17"), OptionalInt.of(0)),
                new Receiver(OrganId.of("000.00.00.H14"), OptionalInt.of(1))));
        return EdXmlPackages.update(newDocument(), changed, what, clerk(), CLOCK);
    }

    static DocumentPackage replace() {
        MessageHeader replacement = header().toBuilder().code("7900", "VPCP-TTĐT").build();
        DocumentPackage doc = EdXmlPackages.newDocument(replacement, clerk(), List.of(smallAttachment()), CLOCK);
        ReplacementInfo replaced = new ReplacementInfo(DocumentId.of("000.00.00.G22,2024/05/02,7816/VPCP-TTĐT"),
                List.of(OrganId.of("000.00.00.H41"), OrganId.of("000.00.00.H17")));
        return EdXmlPackages.replace(doc, List.of(replaced), clerk(), CLOCK);
    }

    static StatusPackage status(EdocStatus status) {
        return EdXmlPackages.statusReply(newDocument(), ngheAn(),
                status, new StaffInfo("Phòng Văn thư - Lưu trữ", "VT01", "Lê Thị B", "NV042", "vanthu@nghean.gov.vn",
                        "0912345678"), "", CLOCK);
    }

    static byte[] write(EdXmlPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdXmlWriter().write(pkg, out);
        return out.toByteArray();
    }

    static String writeString(EdXmlPackage pkg) {
        return new String(write(pkg), StandardCharsets.UTF_8);
    }

    static Document parse(byte[] bytes) {
        return SecureXml.parse(new ByteArrayInputStream(bytes), "edXML package");
    }

    static Element child(Element parent, String localName) {
        for (Element e : children(parent)) {
            if (e.getLocalName().equals(localName)) {
                return e;
            }
        }
        throw new AssertionError("no " + localName + " under " + parent.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<String> childNames(Element parent) {
        return children(parent).stream().map(Element::getLocalName).toList();
    }

    static Element messageHeader(Document doc) {
        return child(child(child(doc.getDocumentElement(), "edXMLEnvelope"), "edXMLHeader"), "MessageHeader");
    }

    /**
     * Compares with {@code src/test/resources/edxml/golden/<name>}; with {@code -Dedxml.golden.update=true} writes
     * the file instead.
     */
    static void assertGolden(String name, byte[] actual) {
        if (Boolean.getBoolean(GOLDEN_UPDATE)) {
            try {
                Path dir = moduleDir().resolve("src/test/resources/edxml/golden");
                Files.createDirectories(dir);
                Files.write(dir.resolve(name), actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        byte[] expected;
        try (InputStream in = EdXmlWriterTestData.class.getResourceAsStream("/edxml/golden/" + name)) {
            if (in == null) {
                fail("golden file edxml/golden/" + name + " is missing; run with -D" + GOLDEN_UPDATE + "=true");
            }
            expected = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                name + " differs from the golden file (rerun with -D" + GOLDEN_UPDATE + "=true if intended)");
        assertEquals(List.of(expected.length), List.of(actual.length));
    }

    private static Path moduleDir() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.isDirectory(base.resolve("sdk-core/src")) ? base.resolve("sdk-core") : base;
    }
}
