package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.spring.signing.EgovSigningProperties;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;

/** The starter's signing part (keys, trust, signers and verifiers from egov.signing.*) in a Boot 4.0 application. */
@ExtendWith(NationalSandboxExtension.class)
class SigningOnBoot4Test {
    private static final String PASSWORD = "vendor-p12-password";

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(properties).run();
    }

    private Path p12(SigningKey key) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signer", key.privateKey(), PASSWORD.toCharArray(),
                key.certificateChain().toArray(new Certificate[0]));
        Path file = dir.resolve("agency.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    @Test
    void aKeyAndTrustFromPropertiesSignAndVerify(NationalSandbox sandbox) throws Exception {
        Path p12 = p12(sandbox.pki().signer(TestPki.Kind.AGENCY));
        Path root = Files.writeString(dir.resolve("root.pem"), TestPki.pem(sandbox.pki().root()));
        byte[] payload = "Công văn".getBytes(StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext context = run("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=" + PASSWORD, "egov.signing.trust.certificates=" + root)) {
            byte[] p7s = context.getBean(CmsSigner.class).sign(payload, CmsPackaging.DETACHED);
            ValidationReport r = context.getBean(CmsVerifier.class).verifyDetached(p7s, payload).get(0);
            assertEquals(Indication.VALID, r.indication(), r.reason());
            assertEquals(1, context.getBeanNamesForType(DocumentSigner.class).length);
            assertEquals(1, context.getBeanNamesForType(SignatureVerifier.class).length);
            assertFalse(context.getBean(EgovSigningProperties.class).toString().contains(PASSWORD));
        }
    }

    @Test
    void aWrongPasswordStopsStartUpNamingTheProperty(NationalSandbox sandbox) throws Exception {
        Path p12 = p12(sandbox.pki().signer(TestPki.Kind.AGENCY));
        Exception e = assertThrows(Exception.class, () -> run("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=wrong"));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("egov.signing.pkcs12.password is wrong"), messages.toString());
        assertFalse(messages.toString().contains(PASSWORD), messages.toString());
    }
}
