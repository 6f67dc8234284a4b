package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.spring.identity.EgovSsoAutoConfiguration;
import vn.egov.sdk.spring.identity.EgovSsoProperties;

@ExtendWith(OutputCaptureExtension.class)
class EgovSsoPropertiesValidationTest {
    private static final String SECRET = "sso-s3cr3t-never-printed-9Z";

    private static String failure(String... properties) {
        String[] out = new String[1];
        StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovSsoAutoConfiguration.class))
                .withPropertyValues(properties).run(context -> {
                    assertNotNull(context.getStartupFailure(), "start-up must fail");
                    out[0] = StarterTestSupport.messages(context.getStartupFailure());
                });
        return out[0];
    }

    @Test
    void aClientIdNeedsTheProviderTheSecretAndTheRedirectUri() {
        String m = failure("egov.sso.client-id=my-portal");
        assertTrue(m.contains("egov.sso.issuer is required when egov.sso.client-id is set and no egov.sso.preset is "
                + "named"), m);
        assertTrue(m.contains("egov.sso.client-secret is required when egov.sso.client-id is set (bind it from "
                + "EGOV_SSO_CLIENT_SECRET)"), m);
        assertTrue(m.contains("egov.sso.redirect-uri is required when egov.sso.client-id is set"), m);
    }

    @Test
    void settingsWithoutAClientIdNameIt() {
        assertTrue(failure("egov.sso.issuer=https://sso.example.gov.vn")
                .contains("egov.sso.client-id is required when egov.sso.issuer is set"));
        assertTrue(failure("egov.sso.preset=dvcqg-production")
                .contains("egov.sso.client-id is required when egov.sso.preset is set"));
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        String m = failure("egov.sso.issuer=ftp://sso.example.gov.vn", "egov.sso.client-id=x",
                "egov.sso.client-secret=" + SECRET, "egov.sso.redirect-uri=/login/callback",
                "egov.sso.post-logout-redirect-uri=javascript:alert(1)", "egov.sso.endpoints.jwks-uri=keys.json");
        assertTrue(m.contains("egov.sso.issuer must be an absolute http or https URL (got 'ftp://sso.example.gov.vn')"),
                m);
        assertTrue(m.contains("egov.sso.redirect-uri must be an absolute http or https URL (got '/login/callback')"), m);
        assertTrue(m.contains("egov.sso.post-logout-redirect-uri must be an absolute http or https URL"), m);
        assertTrue(m.contains("egov.sso.endpoints.jwks-uri must be an absolute http or https URL (got 'keys.json')"),
                m);
        assertTrue(failure("egov.sso.redirect-uri=https://a.example/cb#x")
                .contains("egov.sso.redirect-uri must not have a fragment"));
    }

    @Test
    void aCustomProviderNeedsItsTokenAndUserInfoEndpoints() {
        String m = failure("egov.sso.issuer=https://sso.example.gov.vn", "egov.sso.client-id=x",
                "egov.sso.client-secret=" + SECRET, "egov.sso.redirect-uri=https://portal.example/cb",
                "egov.sso.endpoints.authorization=https://sso.example.gov.vn/authorize");
        assertTrue(m.contains("egov.sso.endpoints.token is required when egov.sso.endpoints.authorization is set "
                + "without egov.sso.preset"), m);
        assertTrue(m.contains("egov.sso.endpoints.user-info is required when"), m);
    }

    @Test
    void rangesAreNamed() {
        String m = failure("egov.sso.scopes=profile", "egov.sso.clock-skew=6m", "egov.sso.pending-login-ttl=2h",
                "egov.sso.minimum-ial=10", "egov.sso.connect-timeout=0s", "egov.sso.read-timeout=-1s",
                "egov.sso.deadline=0ms");
        assertTrue(m.contains("egov.sso.scopes must contain openid (got [profile])"), m);
        assertTrue(m.contains("egov.sso.clock-skew must be 0 to 5 minutes (got PT6M)"), m);
        assertTrue(m.contains("egov.sso.pending-login-ttl must be 1 second to 1 hour (got PT2H)"), m);
        assertTrue(m.contains("egov.sso.minimum-ial must be 0 to 9 (got 10)"), m);
        assertTrue(m.contains("egov.sso.connect-timeout must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.sso.read-timeout must be positive (got PT-1S)"), m);
        assertTrue(m.contains("egov.sso.deadline must be positive (got PT0S)"), m);
    }

    @Test
    void anEmptySecretIsRequiredNotAConversionError() {
        String m = failure("egov.sso.preset=dvcqg-test", "egov.sso.client-id=x", "egov.sso.client-secret=",
                "egov.sso.redirect-uri=https://portal.example/cb");
        assertTrue(m.contains("egov.sso.client-secret is required when egov.sso.client-id is set"), m);
    }

    @Test
    void theSecretIsNeverPrinted(CapturedOutput output) {
        StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovSsoAutoConfiguration.class))
                .withPropertyValues("egov.sso.preset=dvcqg-test", "egov.sso.client-id=x",
                        "egov.sso.client-secret=" + SECRET, "egov.sso.redirect-uri=https://portal.example/cb")
                .run(context -> {
                    EgovSsoProperties p = context.getBean(EgovSsoProperties.class);
                    assertTrue(p.getClientSecret().matches(SECRET));
                    assertFalse(p.toString().contains(SECRET), p.toString());
                    assertTrue(p.toString().contains("clientSecret=***"), p.toString());
                });
        String m = failure("egov.sso.issuer=ftp://bad", "egov.sso.client-id=x", "egov.sso.client-secret=" + SECRET,
                "egov.sso.redirect-uri=https://portal.example/cb");
        assertFalse(m.contains(SECRET), m);
        assertFalse(output.getAll().contains(SECRET), "captured output shows the secret");
    }

    @Test
    void bootsFailureReportNamesTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("egov.sso.client-id=my-portal", "egov.sso.preset=dvcqg-production",
                        "egov.sso.client-secret=" + SECRET);
        assertThrows(Exception.class, app::run);
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("egov.sso.redirect-uri is required when egov.sso.client-id is set"), report);
        assertFalse(report.contains(SECRET), report);
    }

    @Test
    void theIdeMetadataDescribesEverySsoProperty() throws java.io.IOException {
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> properties = new java.util.HashMap<>();
        try (java.io.InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in);
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("properties")
                    .forEach(p -> properties.put(p.get("name").asText(), p));
        }
        for (String name : java.util.List.of("egov.sso.preset", "egov.sso.issuer", "egov.sso.client-id",
                "egov.sso.client-secret", "egov.sso.client-auth-method", "egov.sso.redirect-uri",
                "egov.sso.post-logout-redirect-uri", "egov.sso.scopes", "egov.sso.acr-values", "egov.sso.minimum-ial",
                "egov.sso.clock-skew", "egov.sso.pending-login-ttl", "egov.sso.connect-timeout",
                "egov.sso.read-timeout", "egov.sso.deadline", "egov.sso.endpoints.authorization",
                "egov.sso.endpoints.token", "egov.sso.endpoints.user-info", "egov.sso.endpoints.jwks-uri",
                "egov.sso.endpoints.introspection", "egov.sso.endpoints.validate-token",
                "egov.sso.endpoints.end-session")) {
            assertNotNull(properties.get(name), name + " is in the metadata");
            assertFalse(properties.get(name).path("description").asText().isBlank(), name + " is described");
        }
        assertTrue(properties.get("egov.sso.client-secret").get("type").asText().equals("vn.egov.sdk.core.Secret"));
        assertTrue(properties.get("egov.sso.clock-skew").get("defaultValue").asText().equals("60s"),
                properties.get("egov.sso.clock-skew").toString());
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(EgovSsoAutoConfiguration.class)
    static class App {
    }
}
