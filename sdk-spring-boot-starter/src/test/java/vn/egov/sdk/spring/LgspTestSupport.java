package vn.egov.sdk.spring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.testkit.LgspSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** The provincial axis's test settings and a letter sent through it, from the sandbox's first system to its second. */
final class LgspTestSupport {
    private LgspTestSupport() {
    }

    /** The properties of the provincial axis for the sandbox's second system (the receiver). */
    static String[] receiver(NationalSandbox sandbox) {
        return new String[] {"egov.lgsp.url=" + sandbox.lgspUrl(), "egov.lgsp.username=" + LgspSandbox.ADMIN_USERNAME,
            "egov.lgsp.password=" + LgspSandbox.ADMIN_PASSWORD,
            "egov.lgsp.application-code=" + LgspSandbox.APPLICATION_CODE,
            "egov.lgsp.system-id=" + LgspSandbox.SYSTEM_2_ID,
            "egov.lgsp.secret-key=" + LgspSandbox.SYSTEM_2_SECRET_KEY};
    }

    /** Sends a letter from the first LGSP system's agency to the second's. */
    static SendResult send(NationalSandbox sandbox, String number) {
        try (LgspAxisClient sender = LgspAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.lgspUrl()).build())
                .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD), LgspSandbox.APPLICATION_CODE)
                .system(LgspSandbox.SYSTEM_1_ID, Secret.of(LgspSandbox.SYSTEM_1_SECRET_KEY))
                .build()) {
            return sender.send(letter(number));
        }
    }

    private static DocumentPackage letter(String number) {
        Clock clock = Clock.systemUTC();
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)"))
                .addTo(Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)"))
                .code(number, "UBND-VP")
                .promulgation("Vinh", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .subject("V/v thử nghiệm trục tỉnh " + number)
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000002"), List.of(), clock);
    }
}
