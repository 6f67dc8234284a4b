package vn.egov.sdk.signing;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.Optional;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.testkit.TestPki;

/**
 * Run in a separate JVM by {@link SigningKeyPkcs11Test} (SoftHSM finds its token directory through the
 * {@code SOFTHSM2_CONF} environment variable, which a running JVM cannot set): puts a test signer's key and chain on
 * the token through the JDK's own PKCS#11 key store, then loads it back with {@link SigningKey#fromPkcs11} and signs.
 * Prints {@code SIGNED <provider> <verified>} or throws.
 */
public final class Pkcs11Probe {
    private Pkcs11Probe() {
    }

    /**
     * Entry point.
     *
     * @param args SunPKCS11 configuration file, user PIN
     * @throws Exception on any failure (the test reads the exit status and output)
     */
    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        char[] pin = args[1].toCharArray();
        SigningKey soft = TestPki.create("http://127.0.0.1:1").signer(TestPki.Kind.GOOD);
        Provider token = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore ks = KeyStore.getInstance("PKCS11", token);
        ks.load(null, pin);
        ks.setKeyEntry("signer", soft.privateKey(), pin, soft.certificateChain().toArray(new Certificate[0]));

        SigningKey onToken = SigningKey.fromPkcs11(config, Secret.of(args[1]), Optional.of("signer"));
        SignatureValue value = onToken.sign(new DataToSign("văn bản".getBytes(), SignatureAlgorithm.RSA_SHA256));
        java.security.Signature check = java.security.Signature.getInstance("SHA256withRSA");
        check.initVerify(soft.certificate());
        check.update("văn bản".getBytes());
        System.out.println("SIGNED " + onToken.provider().map(Provider::getName).orElse("none") + " "
                + check.verify(value.value()) + " " + onToken);
    }
}
