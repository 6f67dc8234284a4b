package vn.egov.sdk.jdbc.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.testkit.LgspSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** Packages and an LGSP client of the sandbox, for the outbox tests. */
public final class AxisFixtures {
    private static final Organization FROM = Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)");
    private static final Organization TO = Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)");

    private AxisFixtures() {
    }

    /** A document numbered {@code number} from system 1 to system 2. */
    public static DocumentPackage document(String number) {
        MessageHeader header = MessageHeader.builder()
                .from(FROM)
                .addTo(TO)
                .code(number, "UBND-VP")
                .promulgation("Lạng Sơn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v thử nghiệm hộp thư đi số " + number)
                .signer(new SignerInfo("TL. CHỦ TỊCH", "Chánh Văn phòng", "Trần Văn B"))
                .build();
        Attachment pdf = new Attachment("cid:1", "cong-van-" + number + ".pdf", "Công văn", "application/pdf",
                AttachmentContent.ofBytes(("%PDF-1.4\n% " + number + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII)));
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@sandbox.gov.vn", "0912000001"), List.of(pdf),
                Clock.systemUTC());
    }

    /** A client of the sandbox's LGSP as system 1, making one attempt per call. */
    public static LgspAxisClient system1(NationalSandbox sandbox) {
        return system1(sandbox.lgspUrl());
    }

    /** A client of an LGSP sandbox at {@code lgspUrl} (for a child JVM) as system 1, one attempt per call. */
    public static LgspAxisClient system1(String lgspUrl) {
        ClientSettings settings = ClientSettings.builder().endpoint(lgspUrl).sleeper(d -> { })
                .retryPolicy(RetryPolicy.none()).deadline(Duration.ofSeconds(10)).build();
        return LgspAxisClient.builder().settings(settings)
                .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD), LgspSandbox.APPLICATION_CODE)
                .system(LgspSandbox.SYSTEM_1_ID, Secret.of(LgspSandbox.SYSTEM_1_SECRET_KEY)).build();
    }
}
