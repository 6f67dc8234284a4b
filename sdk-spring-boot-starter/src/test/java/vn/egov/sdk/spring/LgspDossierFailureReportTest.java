package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.spring.dossier.EgovDossierAutoConfiguration;
import vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration;
import vn.egov.sdk.spring.lgsp.EgovLgspReceiveAutoConfiguration;
import vn.egov.sdk.spring.lgsp.LgspPackageHandler;

/** Boot's failure report names the broken egov.lgsp / egov.dossier property and never shows a secret. */
@ExtendWith(OutputCaptureExtension.class)
class LgspDossierFailureReportTest {
    private static final String SECRET = "report-s3cr3t-never-printed-2W";

    @Test
    void aMissingProvincialCheckpointFileIsReported(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class, Handler.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("egov.lgsp.url=http://127.0.0.1:9", "egov.lgsp.username=u",
                        "egov.lgsp.password=" + SECRET, "egov.lgsp.application-code=QLVB", "egov.lgsp.system-id=s",
                        "egov.lgsp.secret-key=" + SECRET, "egov.lgsp.receive.enabled=true");
        assertThrows(Exception.class, app::run);
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("Property: egov.lgsp.receive.checkpoint-file"), report);
        assertTrue(report.contains("Reason: egov.lgsp.receive.checkpoint-file is required when "
                + "egov.lgsp.receive.enabled=true and no LgspCheckpoints bean is defined"), report);
        assertFalse(report.contains(SECRET), report);
    }

    @Test
    void aBrokenDossierPropertyIsReported(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("egov.dossier.url=https://adapter.example.gov.vn", "egov.dossier.username=u",
                        "egov.dossier.password=" + SECRET, "egov.dossier.madonvi=H99");
        assertThrows(Exception.class, app::run);
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("egov.dossier.dstcode is required when egov.dossier.url is set"), report);
        assertFalse(report.contains(SECRET), report);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EgovAxisAutoConfiguration.class, EgovReceiveAutoConfiguration.class,
        EgovLgspAutoConfiguration.class, EgovLgspReceiveAutoConfiguration.class, EgovDossierAutoConfiguration.class})
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    static class Handler {
        @Bean
        LgspPackageHandler handler() {
            return pkg -> { };
        }
    }
}
