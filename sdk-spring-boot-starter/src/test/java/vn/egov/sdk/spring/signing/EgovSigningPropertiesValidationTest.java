package vn.egov.sdk.spring.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.spring.EgovAxisAutoConfiguration;
import vn.egov.sdk.testkit.TestPki;

/** {@code egov.signing.*} broken in every way a vendor can break it: each start-up failure names the property. */
@ExtendWith(OutputCaptureExtension.class)
class EgovSigningPropertiesValidationTest {
    private static final String PASSWORD = "p12-pass-never-printed-9K";
    private static final String PIN = "pin-never-printed-3X";
    private static TestPki pki;
    @TempDir
    static Path dir;
    private static Path p12;
    private static Path goodKeyPem;
    private static Path agencyChainPem;
    private static Path rootPem;

    @BeforeAll
    static void files() throws Exception {
        pki = TestPki.create("http://127.0.0.1:1");
        SigningKey good = pki.signer(TestPki.Kind.GOOD);
        p12 = SigningFiles.pkcs12(dir, "good.p12", good, "signer", PASSWORD);
        goodKeyPem = SigningFiles.keyPem(dir, "good-key.pem", good);
        agencyChainPem = SigningFiles.chainPem(dir, "agency-chain.pem", pki.signer(TestPki.Kind.AGENCY));
        rootPem = SigningFiles.certificatePem(dir, "root.pem", pki.root());
    }

    private static String failure(String... properties) {
        return SigningTestSupport.failure(SigningTestSupport.runner().withPropertyValues(properties));
    }

    private static ValidationException rootCause(ApplicationContextRunner runner) {
        ValidationException[] out = new ValidationException[1];
        runner.run(context -> {
            Throwable t = context.getStartupFailure();
            assertNotNull(t, "start-up must fail");
            while (t.getCause() != null) {
                t = t.getCause();
            }
            out[0] = (ValidationException) t;
        });
        return out[0];
    }

    @Test
    void twoKindsOfKeyAtOnceAreRefused() {
        String m = failure("egov.signing.pkcs12.path=" + p12, "egov.signing.pkcs12.password=" + PASSWORD,
                "egov.signing.pem.key=" + goodKeyPem, "egov.signing.pem.chain=" + agencyChainPem);
        assertTrue(m.contains("egov.signing.pkcs12, egov.signing.pem are each a signing key: give exactly one kind "
                + "(pkcs12, pem or pkcs11), not 2"), m);
    }

    @Test
    void missingFilesAreNamed() {
        String m = failure("egov.signing.pkcs12.path=" + dir.resolve("absent.p12"),
                "egov.signing.pkcs12.password=" + PASSWORD,
                "egov.signing.trust.certificates=" + rootPem + "," + dir.resolve("absent-root.pem"),
                "egov.signing.smartca.url=http://127.0.0.1:9", "egov.signing.smartca.sp-id=sp",
                "egov.signing.smartca.sp-password=x", "egov.signing.smartca.intermediates[0]=" + dir.resolve("no.pem"));
        assertTrue(m.contains("egov.signing.pkcs12.path: file not found (" + dir.resolve("absent.p12") + ")"), m);
        assertTrue(m.contains("egov.signing.trust.certificates[1]: file not found (" + dir.resolve("absent-root.pem")
                + ")"), m);
        assertTrue(m.contains("egov.signing.smartca.intermediates[0]: file not found"), m);
        assertFalse(m.contains("trust.certificates[0]"), m);
    }

    @Test
    void aPasswordOrPinNotGivenIsRequired() {
        String m = failure("egov.signing.pkcs12.path=" + p12);
        assertTrue(m.contains("egov.signing.pkcs12.password is required when egov.signing.pkcs12.path is set "
                + "(bind it from EGOV_SIGNING_PKCS12_PASSWORD)"), m);
        m = failure("egov.signing.pkcs11.config=" + rootPem);
        assertTrue(m.contains("egov.signing.pkcs11.pin is required when a PKCS#11 token is configured (bind it from "
                + "EGOV_SIGNING_PKCS11_PIN)"), m);
        m = failure("egov.signing.pkcs11.pin=" + PIN);
        assertTrue(m.contains("egov.signing.pkcs11.config or egov.signing.pkcs11.library is required when "
                + "egov.signing.pkcs11.pin, .slot or .alias is set"), m);
        assertFalse(m.contains(PIN), m);
    }

    @Test
    void pkcs11ConfigAndLibraryAreExclusiveAndSlotGoesWithTheLibrary() {
        String m = failure("egov.signing.pkcs11.config=" + rootPem, "egov.signing.pkcs11.library=" + rootPem,
                "egov.signing.pkcs11.slot=1", "egov.signing.pkcs11.pin=" + PIN);
        assertTrue(m.contains("egov.signing.pkcs11.config and egov.signing.pkcs11.library are exclusive"), m);
        assertTrue(m.contains("egov.signing.pkcs11.slot goes with egov.signing.pkcs11.library"), m);
        m = failure("egov.signing.pkcs11.library=" + rootPem, "egov.signing.pkcs11.slot=-1",
                "egov.signing.pkcs11.pin=" + PIN);
        assertTrue(m.contains("egov.signing.pkcs11.slot must be 0 or more (got -1)"), m);
    }

    @Test
    void aLibraryThatIsNoPkcs11LibraryIsNamed() {
        // the library path goes into a SunPKCS11 configuration made for it; the JDK cannot load a PEM file as one
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pkcs11.library=" + rootPem, "egov.signing.pkcs11.slot=0", "egov.signing.pkcs11.pin=" + PIN));
        assertEquals("egov.signing.pkcs11.library", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.pkcs11.library: cannot configure SunPKCS11 from the "
                + "configuration made for " + rootPem + " (slot 0)"), e.getMessage());
        assertFalse(e.getMessage().contains(PIN), e.getMessage());
    }

    @Test
    void aWrongPkcs12PasswordNamesThePasswordAndAFileOfAnotherKindNamesThePath() throws Exception {
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pkcs12.path=" + p12, "egov.signing.pkcs12.password=wrong-" + PASSWORD));
        assertEquals("egov.signing.pkcs12.password", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.pkcs12.password is wrong: it does not open " + p12),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());

        e = rootCause(SigningTestSupport.runner().withPropertyValues("egov.signing.pkcs12.path=" + rootPem,
                "egov.signing.pkcs12.password=" + PASSWORD));
        assertEquals("egov.signing.pkcs12.path", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("is not a PKCS#12 file"), e.getMessage());

        e = rootCause(SigningTestSupport.runner().withPropertyValues("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=" + PASSWORD, "egov.signing.pkcs12.alias=other"));
        assertEquals("egov.signing.pkcs12.alias", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("no key entry named other"), e.getMessage());
    }

    @Test
    void aWrongPemPasswordNamesThePemPassword() throws Exception {
        Path encrypted = SigningFiles.encryptedKeyPem(dir, "enc.pem", pki.signer(TestPki.Kind.GOOD), PASSWORD);
        Path chain = SigningFiles.chainPem(dir, "good-chain.pem", pki.signer(TestPki.Kind.GOOD));
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pem.key=" + encrypted, "egov.signing.pem.chain=" + chain,
                "egov.signing.pem.password=wrong"));
        assertEquals("egov.signing.pem.password", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.pem.password: cannot decrypt the private key"), e.getMessage());
        e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pem.key=" + encrypted, "egov.signing.pem.chain=" + chain));
        assertEquals("egov.signing.pem.password", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("its password is required"), e.getMessage());
    }

    @Test
    void aCertificateThatDoesNotCarryTheKeyNamesTheChain() {
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pem.key=" + goodKeyPem, "egov.signing.pem.chain=" + agencyChainPem));
        assertEquals("egov.signing.pem.chain", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.pem.chain: the certificate") && e.getMessage().contains(
                "does not carry this private key's public key"), e.getMessage());
        String m = failure("egov.signing.pem.key=" + goodKeyPem);
        assertTrue(m.contains("egov.signing.pem.chain is required when egov.signing.pem.key is set"), m);
    }

    @Test
    void anExpiredSigningCertificateStopsTheStartUp() {
        Path expired = SigningFiles.pkcs12(dir, "expired.p12", pki.signer(TestPki.Kind.EXPIRED), "signer", PASSWORD);
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pkcs12.path=" + expired, "egov.signing.pkcs12.password=" + PASSWORD));
        assertEquals("egov.signing.pkcs12.path", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.pkcs12.path: the signing certificate ")
                && e.getMessage().contains("CN=Trần Thị Hết Hạn expired on "), e.getMessage());
        Path early = SigningFiles.pkcs12(dir, "early.p12", pki.signer(TestPki.Kind.NOT_YET_VALID), "s", PASSWORD);
        e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.pkcs12.path=" + early, "egov.signing.pkcs12.password=" + PASSWORD));
        assertEquals("egov.signing.pkcs12.path", e.errors().get(0).path());
        assertTrue(e.getMessage().contains(" is not valid before "), e.getMessage());
    }

    @Test
    void aPinnedRootThatMatchesNoPinIsRefused() {
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.trust.pinned-roots=" + rootPem));
        assertEquals("egov.signing.trust.pinned-roots[0]", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.trust.pinned-roots[0]: " + rootPem
                + " matches none of the pinned Vietnamese roots [VGCA RootCA (2010), VGCA RootCA G2, "
                + "Vietnam National Root CA (NEAC)]"), e.getMessage());
        e = rootCause(SigningTestSupport.runner().withPropertyValues("egov.signing.trust.certificates=" + p12));
        assertEquals("egov.signing.trust.certificates[0]", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("holds no X.509 certificate"), e.getMessage());
    }

    @Test
    void aTrustKeyStoreAndTheRevocationPolicyBind() {
        Path store = SigningFiles.trustStore(dir, pki.root(), PASSWORD);
        SigningTestSupport.runner().withPropertyValues("egov.signing.trust.keystore.path=" + store,
                "egov.signing.trust.keystore.password=" + PASSWORD, "egov.signing.trust.revocation=OFFLINE")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertTrue(context.getBean(TrustStore.class).contains(pki.root()));
                    assertEquals(RevocationPolicy.OFFLINE,
                            context.getBean(PkixCertificateValidator.class).revocationPolicy());
                });
        ValidationException e = rootCause(SigningTestSupport.runner().withPropertyValues(
                "egov.signing.trust.keystore.path=" + store, "egov.signing.trust.keystore.password=wrong"));
        assertEquals("egov.signing.trust.keystore.password", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("egov.signing.trust.keystore.password is wrong: it does not open " + store),
                e.getMessage());
        // lists bound in the indexed form (as YAML lists are) switch the trust store on as the comma form does
        SigningTestSupport.runner().withPropertyValues("egov.signing.trust.certificates[0]=" + rootPem)
                .run(context -> assertTrue(context.getBean(TrustStore.class).contains(pki.root())));
        String m = failure("egov.signing.trust.certificates=" + rootPem, "egov.signing.trust.revocation=SOMETIMES");
        assertTrue(m.contains("egov.signing.trust.revocation"), m);
    }

    @Test
    void smartCaNeedsItsUrlAndCredentials() {
        String m = failure("egov.signing.smartca.url=ftp://gw.example", "egov.signing.smartca.poll-interval=0s");
        assertTrue(m.contains("egov.signing.smartca.url must be an absolute http or https URL (got 'ftp://gw.example')"),
                m);
        assertTrue(m.contains("egov.signing.smartca.sp-id is required when egov.signing.smartca.url is set"), m);
        assertTrue(m.contains("egov.signing.smartca.sp-password is required when egov.signing.smartca.url is set"), m);
        assertTrue(m.contains("egov.signing.smartca.poll-interval must be positive (got PT0S)"), m);
        m = failure("egov.signing.smartca.user-id=079099000001");
        assertTrue(m.contains("egov.signing.smartca.url is required when egov.signing.smartca.sp-id, .sp-password or "
                + ".user-id is set"), m);
    }

    @Test
    void secretsAreNeverInToStringNorInBootsFailureReport(CapturedOutput output) {
        SigningTestSupport.runner().withPropertyValues("egov.signing.pkcs12.path=" + p12,
                "egov.signing.pkcs12.password=" + PASSWORD, "egov.signing.smartca.url=http://127.0.0.1:9",
                "egov.signing.smartca.sp-id=sp", "egov.signing.smartca.sp-password=" + PIN)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    EgovSigningProperties p = context.getBean(EgovSigningProperties.class);
                    assertTrue(p.getPkcs12().getPassword().matches(PASSWORD));
                    assertFalse(p.toString().contains(PASSWORD), p.toString());
                    assertFalse(p.toString().contains(PIN), p.toString());
                    assertTrue(p.toString().contains("password=***") && p.toString().contains("spPassword=***"),
                            p.toString());
                    assertFalse(context.getBean(SigningKey.class).toString().contains(PASSWORD));
                });
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("egov.signing.pkcs12.path=" + p12, "egov.signing.pkcs12.password=wrong-" + PASSWORD,
                        "egov.signing.pkcs11.pin=" + PIN);
        Exception e = assertThrows(Exception.class, app::run);
        assertFalse(SigningTestSupport.messages(e).contains(PASSWORD));
        String report = output.getAll();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("egov.signing.pkcs11.config or egov.signing.pkcs11.library is required"), report);
        assertFalse(report.contains(PASSWORD), report);
        assertFalse(report.contains(PIN), report);

        // a failure while loading the key (after binding): Boot's report names the property through the analyzer
        SpringApplicationBuilder wrongPassword = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("egov.signing.pkcs12.path=" + p12, "egov.signing.pkcs12.password=wrong-" + PASSWORD);
        assertThrows(Exception.class, wrongPassword::run);
        report = output.getAll();
        assertTrue(report.contains("Property: egov.signing.pkcs12.password"), report);
        assertTrue(report.contains("Reason: egov.signing.pkcs12.password is wrong: it does not open " + p12), report);
        assertFalse(report.contains(PASSWORD), report);
        assertTrue(Files.exists(p12));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EgovAxisAutoConfiguration.class, EgovSigningAutoConfiguration.class,
            EgovSignaturesAutoConfiguration.class})
    static class App {
    }
}
