package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.core.ValidationException;

@ExtendWith(OutputCaptureExtension.class)
class EgovPropertiesValidationTest {
    private static final String SECRET = "s3cr3t-never-printed-7Q";

    private static String failure(String... properties) {
        String[] out = new String[1];
        StarterTestSupport.runner().withPropertyValues(properties).run(context -> {
            assertNotNull(context.getStartupFailure(), "start-up must fail");
            out[0] = StarterTestSupport.messages(context.getStartupFailure());
        });
        return out[0];
    }

    @Test
    void urlWithoutSystemIdOrSecretNamesBoth() {
        String m = failure("egov.axis.url=https://axis.example.gov.vn");
        assertTrue(m.contains("egov.axis.system-id is required when egov.axis.url is set"), m);
        assertTrue(m.contains("egov.axis.secret is required when egov.axis.url is set"), m);
    }

    @Test
    void aUrlThatIsNotHttpIsNamed() {
        String m = failure("egov.axis.url=ftp://axis.example.gov.vn", "egov.axis.system-id=x",
                "egov.axis.secret=" + SECRET);
        assertTrue(m.contains("egov.axis.url must be an absolute http or https URL (got 'ftp://axis.example.gov.vn')"),
                m);
    }

    @Test
    void anEmptySecretIsRequiredNotAConversionError() {
        String m = failure("egov.axis.url=https://axis.example.gov.vn", "egov.axis.system-id=x", "egov.axis.secret=");
        assertTrue(m.contains("egov.axis.secret is required"), m);
    }

    @Test
    void timeoutsMustBePositive() {
        String m = failure("egov.axis.connect-timeout=0s", "egov.axis.read-timeout=-1s",
                "egov.axis.receive.interval=0ms", "egov.axis.receive.max-attempts=-1",
                "egov.axis.receive.stop-timeout=-5s");
        assertTrue(m.contains("egov.axis.connect-timeout must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.axis.read-timeout must be positive (got PT-1S)"), m);
        assertTrue(m.contains("egov.axis.receive.interval must be positive"), m);
        assertTrue(m.contains("egov.axis.receive.max-attempts must be 0 or more (got -1)"), m);
        assertTrue(m.contains("egov.axis.receive.stop-timeout must be 0 or more (got PT-5S)"), m);
    }

    @Test
    void receiveEnabledWithoutUrlIsNamed() {
        String m = failure("egov.axis.receive.enabled=true");
        assertTrue(m.contains("egov.axis.url is required when egov.axis.receive.enabled=true"), m);
    }

    @Test
    void receiveWithoutCheckpointFileOrStoreNamesTheProperty() {
        StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=http://127.0.0.1:9", "egov.axis.system-id=x",
                        "egov.axis.secret=" + SECRET, "egov.axis.receive.enabled=true")
                .withUserConfiguration(Handler.class)
                .run(context -> {
                    Throwable root = context.getStartupFailure();
                    assertNotNull(root);
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    ValidationException e = (ValidationException) root;
                    assertEquals("egov.axis.receive.checkpoint-file", e.errors().get(0).path());
                    assertTrue(e.getMessage().contains("egov.axis.receive.checkpoint-file is required when "
                            + "egov.axis.receive.enabled=true and no CheckpointStore bean is defined"), e.getMessage());
                });
    }

    @Test
    void theSecretIsNeverPrinted(CapturedOutput output) {
        StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=http://127.0.0.1:9", "egov.axis.system-id=x",
                        "egov.axis.secret=" + SECRET)
                .run(context -> {
                    EgovProperties p = context.getBean(EgovProperties.class);
                    assertTrue(p.getAxis().getSecret().matches(SECRET));
                    assertFalse(p.toString().contains(SECRET), p.toString());
                    assertTrue(p.toString().contains("secret=***"), p.toString());
                    assertFalse(p.getAxis().getSecret().toString().contains(SECRET));
                });
        // a failed start-up with the secret bound: neither the failure nor the log shows it
        String m = failure("egov.axis.url=ftp://bad", "egov.axis.system-id=x", "egov.axis.secret=" + SECRET);
        assertFalse(m.contains(SECRET), m);
        assertFalse(output.getAll().contains(SECRET), "captured output shows the secret");
    }

    @Test
    void bootsFailureReportNamesThePropertyAndNeverShowsTheSecret(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("egov.axis.url=ftp://axis.example.gov.vn", "egov.axis.system-id=x",
                        "egov.axis.secret=" + SECRET);
        Exception e = assertThrows(Exception.class, app::run);
        assertFalse(StarterTestSupport.messages(e).contains(SECRET));
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("egov.axis.url must be an absolute http or https URL"), report);
        assertFalse(report.contains(SECRET), report);
    }

    @Test
    void aMissingCheckpointFileIsReportedByBootsFailureReport(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class, Handler.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("egov.axis.url=http://127.0.0.1:9", "egov.axis.system-id=x",
                        "egov.axis.secret=" + SECRET, "egov.axis.receive.enabled=true");
        assertThrows(Exception.class, app::run);
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("Property: egov.axis.receive.checkpoint-file"), report);
        assertTrue(report.contains("Reason: egov.axis.receive.checkpoint-file is required when "
                + "egov.axis.receive.enabled=true and no CheckpointStore bean is defined"), report);
        assertFalse(report.contains(SECRET), report);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EgovAxisAutoConfiguration.class, EgovReceiveAutoConfiguration.class})
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    static class Handler {
        @Bean
        PackageHandler handler() {
            return pkg -> { };
        }
    }
}
