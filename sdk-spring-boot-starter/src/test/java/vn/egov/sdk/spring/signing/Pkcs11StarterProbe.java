package vn.egov.sdk.spring.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * Run in a separate JVM by {@link EgovSigningPkcs11Test} (SoftHSM finds its tokens through the {@code SOFTHSM2_CONF}
 * environment variable, which a running JVM cannot set). {@code setup}: puts a test signer's key and chain on the
 * token and writes the test root to a file; {@code wrong-pin}: starts the starter with a wrong PIN and prints the
 * property its failure names; {@code sign}: starts the starter on the token by library and slot, and by a
 * configuration file, signs a CMS with its beans and prints the verdict of its verifier.
 */
public final class Pkcs11StarterProbe {
    private Pkcs11StarterProbe() {
    }

    /**
     * Entry point.
     *
     * @param args mode, PKCS#11 library, SunPKCS11 configuration file, user PIN, working directory
     * @throws Exception on any failure (the test reads the exit status and output)
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path library = Path.of(args[1]);
        Path config = Path.of(args[2]);
        String pin = args[3];
        Path dir = Path.of(args[4]);
        Path rootPem = dir.resolve("root.pem");
        switch (mode) {
            case "setup" -> {
                TestPki pki = TestPki.create("http://127.0.0.1:1");
                SigningKey soft = pki.signer(TestPki.Kind.AGENCY);
                Provider token = Security.getProvider("SunPKCS11").configure(config.toString());
                KeyStore ks = KeyStore.getInstance("PKCS11", token);
                ks.load(null, pin.toCharArray());
                ks.setKeyEntry("agency", soft.privateKey(), pin.toCharArray(),
                        soft.certificateChain().toArray(new Certificate[0]));
                SigningFiles.certificatePem(dir, "root.pem", pki.root());
                System.out.println("SETUP done");
            }
            case "wrong-pin" -> SigningTestSupport.runner().withPropertyValues("egov.signing.pkcs11.library=" + library,
                    "egov.signing.pkcs11.pin=0000" + pin).run(context -> {
                        Throwable t = context.getStartupFailure();
                        while (t != null && t.getCause() != null) {
                            t = t.getCause();
                        }
                        System.out.println("FAILED " + (t instanceof vn.egov.sdk.core.ValidationException v
                                ? v.errors().get(0).path() + " | " + v.getMessage() : String.valueOf(t)));
                    });
            case "sign" -> {
                sign("LIBRARY", "egov.signing.pkcs11.library=" + library, "egov.signing.pkcs11.slot=0",
                        "egov.signing.pkcs11.pin=" + pin, "egov.signing.pkcs11.alias=agency",
                        "egov.signing.trust.certificates=" + rootPem, "egov.signing.trust.revocation=OFFLINE");
                sign("CONFIG", "egov.signing.pkcs11.config=" + config, "egov.signing.pkcs11.pin=" + pin,
                        "egov.signing.trust.certificates=" + rootPem, "egov.signing.trust.revocation=OFFLINE");
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void sign(String how, String... properties) {
        byte[] payload = "Công văn ký bằng token".getBytes(StandardCharsets.UTF_8);
        SigningTestSupport.runner().withPropertyValues(properties).run(context -> {
            if (context.getStartupFailure() != null) {
                throw new IllegalStateException(SigningTestSupport.messages(context.getStartupFailure()));
            }
            SigningKey key = context.getBean(SigningKey.class);
            byte[] p7s = context.getBean(CmsSigner.class).sign(payload, CmsPackaging.DETACHED);
            ValidationReport r = context.getBean(CmsVerifier.class).verifyDetached(p7s, payload).get(0);
            System.out.println(how + " " + key.provider().map(Provider::getName).orElse("none") + " "
                    + r.indication() + " " + r.signerName().orElse("?"));
        });
    }
}
