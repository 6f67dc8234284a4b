package vn.egov.sdk.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.LgspAxisClientBuilder;
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

/** Packages and clients shared by the LGSP tests. */
final class LgspTestData {
    static final Organization SYSTEM_1 = Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)");
    static final Organization SYSTEM_2 = Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)");

    private LgspTestData() {
    }

    static StaffInfo clerk() {
        return StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@sandbox.gov.vn", "0912000001");
    }

    /** A new document from {@code from} to {@code to}, numbered {@code number}. */
    static DocumentPackage document(Organization from, Organization to, String number) {
        MessageHeader header = MessageHeader.builder()
                .from(from)
                .addTo(to)
                .code(number, "UBND-VP")
                .promulgation("Lạng Sơn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v thử nghiệm liên thông văn bản số " + number)
                .signer(new SignerInfo("TL. CHỦ TỊCH", "Chánh Văn phòng", "Trần Văn B"))
                .build();
        Attachment pdf = new Attachment("cid:1", "cong-van-" + number + ".pdf", "Công văn", "application/pdf",
                AttachmentContent.ofBytes(("%PDF-1.4\n% " + number + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII)));
        return EdXmlPackages.newDocument(header, clerk(), List.of(pdf), Clock.systemUTC());
    }

    static byte[] bytes(EdXmlPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(pkg, out);
        return out.toByteArray();
    }

    /** The settings of the sandbox's client; tests add to them. */
    static ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.lgspUrl()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).build())
                .deadline(Duration.ofSeconds(10));
    }

    /** A client of the sandbox's LGSP as a system; retries without waiting. */
    static LgspAxisClientBuilder client(NationalSandbox sandbox, String systemId, String secretKey) {
        return LgspAxisClient.builder().settings(settings(sandbox).build())
                .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD), LgspSandbox.APPLICATION_CODE)
                .system(systemId, Secret.of(secretKey));
    }

    static LgspAxisClient system1(NationalSandbox sandbox) {
        return client(sandbox, LgspSandbox.SYSTEM_1_ID, LgspSandbox.SYSTEM_1_SECRET_KEY).build();
    }

    static LgspAxisClient system2(NationalSandbox sandbox) {
        return client(sandbox, LgspSandbox.SYSTEM_2_ID, LgspSandbox.SYSTEM_2_SECRET_KEY).build();
    }
}
