package vn.egov.sdk.spring.signing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.spring.EgovReceiveAutoConfiguration;
import vn.egov.sdk.testkit.VdxpSandbox;

/** The context runner with the starter's axis and signing auto-configurations, failure messages, a letter. */
final class SigningTestSupport {
    private SigningTestSupport() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EgovAxisAutoConfiguration.class,
                EgovReceiveAutoConfiguration.class, EgovSigningAutoConfiguration.class,
                EgovSignaturesAutoConfiguration.class));
    }

    /** Every message in the chain of causes, one a line. */
    static String messages(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** The messages of a start-up that must fail. */
    static String failure(ApplicationContextRunner runner) {
        String[] out = new String[1];
        runner.run(context -> {
            if (context.getStartupFailure() == null) {
                throw new AssertionError("start-up must fail");
            }
            out[0] = messages(context.getStartupFailure());
        });
        return out[0];
    }

    /** A letter from the sandbox's first agency to its second. */
    static DocumentPackage letter(String number) {
        Clock clock = Clock.systemUTC();
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ"))
                .addTo(Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An"))
                .code(number, "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .subject("V/v thử nghiệm chữ ký " + number)
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@example.gov.vn", "0912000001"), List.of(), clock);
    }
}
