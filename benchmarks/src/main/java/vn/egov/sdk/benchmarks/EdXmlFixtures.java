package vn.egov.sdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.XmlElement;

/** The packages the edXML benchmarks read and write, built with the SDK's own model and writer. */
final class EdXmlFixtures {
    static final long MIB = 1024L * 1024L;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:15:30Z"), ZoneOffset.UTC);
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private EdXmlFixtures() {
    }

    /** Length of the base64 text of {@code size} bytes (one unbroken line, padded). */
    static long base64Length(long size) {
        return (size + 2) / 3 * 4;
    }

    /**
     * Writes {@code size} pseudo-random (incompressible, fixed seed) bytes to a file, 64 KiB at a time.
     *
     * @return their CRC-32
     */
    static long writeRandomFile(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(0x5EED_ED_2026L);
        byte[] chunk = new byte[64 * 1024];
        CRC32 crc = new CRC32();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(chunk.length, left);
                random.nextBytes(chunk);
                crc.update(chunk, 0, n);
                out.write(chunk, 0, n);
                left -= n;
            }
        }
        return crc.getValue();
    }

    /** Deletes a directory and everything in it, quietly. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    static Organization vpcp() {
        return new Organization(OrganId.of("000.00.00.G22"), "Chính phủ", "Văn phòng Chính phủ",
                "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội", "vpcp@chinhphu.vn", "080 43100", "080 44130",
                "vpcp.chinhphu.vn");
    }

    static Organization province(String id, String name, String address, String domain) {
        return new Organization(OrganId.of(id), "UBND " + name, "Văn phòng UBND " + name, address,
                "vanthu@" + domain, "0238 3840418", "0238 3843049", domain);
    }

    static StaffInfo clerk() {
        return StaffInfo.of("Văn thư văn phòng", "Nguyễn Thị Ngọc Trâm", "vanthu@chinhphu.vn", "84912000001");
    }

    /** A realistic small header: one sender, one receiver, short texts (the 200 MiB package's header). */
    static MessageHeader smallHeader() {
        return MessageHeader.builder()
                .from(vpcp())
                .addTo(province("000.00.00.H41", "tỉnh Nghệ An", "Số 03 Trường Thi, TP Vinh, Nghệ An",
                        "nghean.gov.vn"))
                .code("1234", "VPCP-KGVX")
                .promulgation("Hà Nội", LocalDate.of(2026, 11, 20))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v gửi hồ sơ thiết kế dự án (tệp đính kèm dung lượng lớn)")
                .content("Văn phòng Chính phủ gửi kèm hồ sơ thiết kế để Quý cơ quan nghiên cứu, cho ý kiến.")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .dueDate(LocalDate.of(2026, 11, 30))
                .addToPlace("Như trên")
                .addToPlace("Lưu: VT, KGVX")
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "TVC", 1, 2))
                .build();
    }

    /** A new-document package whose one attachment is the caller's file (read when the package is written). */
    static DocumentPackage packageWithFile(Path rawFile) {
        Attachment attachment = new Attachment("cid:1", "ho-so-thiet-ke.zip", "Hồ sơ thiết kế dự án",
                "application/zip", AttachmentContent.ofFile(rawFile));
        return EdXmlPackages.newDocument(smallHeader(), clerk(), List.of(attachment), CLOCK);
    }

    /**
     * A header-only document package of about 10 KB: long subject and content, four receivers with full details,
     * eight places, five trace hops and an XML-DSig {@code Signature} with a certificate; no attachment.
     */
    static DocumentPackage headerOnlyPackage() {
        String subject = "V/v triển khai kết nối, liên thông phần mềm quản lý văn bản và hồ sơ công việc giữa các "
                + "cơ quan hành chính nhà nước các cấp qua Trục liên thông văn bản quốc gia, bảo đảm an toàn "
                + "thông tin và thực hiện gửi, nhận văn bản điện tử có ký số theo Nghị định 30/2020/NĐ-CP";
        StringBuilder content = new StringBuilder();
        String[] paragraphs = {
            "Thực hiện chỉ đạo của Thủ tướng Chính phủ về việc đẩy mạnh gửi, nhận văn bản điện tử giữa các cơ "
                + "quan trong hệ thống hành chính nhà nước, Văn phòng Chính phủ đề nghị các bộ, cơ quan ngang bộ, "
                + "cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương khẩn "
                + "trương hoàn thành việc kết nối phần mềm quản lý văn bản với Trục liên thông văn bản quốc gia.",
            "Các cơ quan rà soát, cập nhật mã định danh theo Quyết định số 20/2020/QĐ-TTg, bảo đảm định dạng "
                + "gói tin edXML tuân thủ QCVN 102:2016/BTTTT, ký số văn bản điện tử bằng chứng thư số chuyên "
                + "dùng do Ban Cơ yếu Chính phủ cung cấp và phản hồi trạng thái xử lý văn bản đúng thời hạn.",
            "Báo cáo kết quả thực hiện gửi về Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính) trước ngày "
                + "30 tháng 11 năm 2026 để tổng hợp, báo cáo Thủ tướng Chính phủ. Trong quá trình thực hiện, nếu "
                + "có vướng mắc, đề nghị liên hệ đầu mối kỹ thuật qua số điện thoại 080 43100 để được hỗ trợ."
        };
        for (String p : paragraphs) {
            content.append(p).append('\n');
        }
        MessageHeader.Builder header = MessageHeader.builder()
                .from(vpcp())
                .code("7816", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2026, 11, 20))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject(subject)
                .content(content.toString().strip())
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .dueDate(LocalDate.of(2026, 11, 30))
                .otherInfo(new OtherInfo(OptionalInt.of(1), "Liên thông văn bản quốc gia", "TVC", OptionalInt.of(6),
                        OptionalInt.of(3), Optional.of(false), List.of("Phụ lục I: Danh sách cơ quan đầu mối",
                                "Phụ lục II: Hướng dẫn kỹ thuật kết nối"), List.of()))
                .steeringType(1);
        String[][] receivers = {
            {"000.00.00.H41", "tỉnh Nghệ An", "Số 03 Trường Thi, TP Vinh, Nghệ An", "nghean.gov.vn"},
            {"000.00.00.H17", "thành phố Đà Nẵng", "Số 24 Trần Phú, Hải Châu, Đà Nẵng", "danang.gov.vn"},
            {"000.00.00.H29", "thành phố Hồ Chí Minh", "Số 86 Lê Thánh Tôn, Bến Nghé, Quận 1", "hochiminhcity.gov.vn"},
            {"000.00.00.H26", "thành phố Hà Nội", "Số 12 Lê Lai, Hoàn Kiếm, Hà Nội", "hanoi.gov.vn"},
        };
        for (String[] r : receivers) {
            header.addTo(province(r[0], r[1], r[2], r[3]));
        }
        for (String place : List.of("Như trên", "Thủ tướng, các Phó Thủ tướng Chính phủ (để b/c)",
                "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "HĐND, UBND các tỉnh, thành phố trực thuộc TW",
                "Bộ Thông tin và Truyền thông", "Ban Cơ yếu Chính phủ", "VPCP: BTCN, các PCN, Cổng TTĐT Chính phủ",
                "Lưu: VT, KSTT (3b)")) {
            header.addToPlace(place);
        }
        DocumentPackage doc = EdXmlPackages.newDocument(header.build(), clerk(), List.of(), CLOCK);
        for (int hop = 1; hop <= 4; hop++) {
            doc = doc.withHop(OrganId.of(hop % 2 == 0 ? "000.00.00.G22" : "vxp.saas.0" + hop),
                    LocalDateTime.of(2026, 11, 20, 9, 15, 30 + hop));
        }
        return doc.withSignature(signature());
    }

    /** An enveloped XML-DSig signature (RSA-SHA256, one reference, an X.509 certificate), pseudo-random values. */
    static XmlElement signature() {
        SplittableRandom random = new SplittableRandom(2026);
        return el("Signature", Map.of(), "",
                el("SignedInfo", Map.of(), "",
                        el("CanonicalizationMethod",
                                Map.of("Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"), ""),
                        el("SignatureMethod",
                                Map.of("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), ""),
                        el("Reference", Map.of("URI", ""), "",
                                el("Transforms", Map.of(), "",
                                        el("Transform", Map.of("Algorithm", DSIG + "enveloped-signature"), "")),
                                el("DigestMethod", Map.of("Algorithm", "http://www.w3.org/2001/04/xmlenc#sha256"), ""),
                                el("DigestValue", Map.of(), base64(random, 32)))),
                el("SignatureValue", Map.of(), base64(random, 256)),
                el("KeyInfo", Map.of(), "",
                        el("X509Data", Map.of(), "",
                                el("X509SubjectName", Map.of(), "CN=Nguyễn Văn A,OU=Văn phòng Chính phủ,O=Chính phủ,"
                                        + "L=Hà Nội,C=VN"),
                                el("X509Certificate", Map.of(), base64(random, 600)))));
    }

    private static XmlElement el(String local, Map<String, String> attributes, String text, XmlElement... children) {
        return new XmlElement(DSIG, "", local, attributes, text, List.of(children));
    }

    private static String base64(SplittableRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** The package written by the SDK's writer. */
    static byte[] write(DocumentPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(pkg, out);
        return out.toByteArray();
    }
}
