package vn.egov.sdk.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClientBuilder;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.ClientSettingsBuilder;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;

/** Packages and clients shared by the VDXP tests. */
final class VdxpFixtures {
    static final Clock CLOCK = Clock.systemUTC();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private VdxpFixtures() {
    }

    /** The settings of the sandbox's client; tests add to them. */
    static ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.vdxpUrl()).clock(CLOCK)
                .sleeper(d -> { }).retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                .readTimeout(Duration.ofSeconds(5));
    }

    static VdxpAxisClientBuilder client(NationalSandbox sandbox, String systemId, String secret) {
        return VdxpAxisClient.builder().settings(settings(sandbox).build())
                .systemId(systemId)
                .secret(Secret.of(secret));
    }

    static VdxpAxisClient system1(NationalSandbox sandbox) {
        return client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1).build();
    }

    static VdxpAxisClient system2(NationalSandbox sandbox) {
        return client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2).build();
    }

    static Organization vpcp() {
        return Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ");
    }

    static Organization ngheAn() {
        return Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An");
    }

    /** A new document from Văn phòng Chính phủ to the given recipient, with one PDF. */
    static DocumentPackage document(Organization to, String number) {
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        MessageHeader header = MessageHeader.builder()
                .from(vpcp())
                .addTo(to)
                .code(number, "VPCP-TTĐT")
                .promulgation("Hà Nội", today)
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v kết nối trục liên thông văn bản quốc gia")
                .content("Đề nghị hoàn thành kết nối")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .steeringType(0)
                .build();
        Attachment pdf = new Attachment("cid:1", "cv" + number + ".pdf", "", "application/pdf",
                AttachmentContent.ofBytes(PDF));
        return EdXmlPackages.newDocument(header, staff(), List.of(pdf), CLOCK);
    }

    /**
     * A document whose SHA-256 has a byte below 0x10, so the official client's unpadded {@code hash-file} of it is
     * shorter than the zero-padded one.
     */
    static DocumentPackage documentWithAShortHash(String number) {
        for (int i = 0; ; i++) {
            DocumentPackage doc = document(ngheAn(), number + "-" + i);
            if (OfficialClientWire.unpaddedSha256(bytes(doc)).length() < 64) {
                return doc;
            }
        }
    }

    static StaffInfo staff() {
        return StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001");
    }

    static byte[] bytes(EdXmlPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(pkg, out);
        return out.toByteArray();
    }
}
