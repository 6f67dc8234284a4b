package vn.egov.sdk.examples.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Optional;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.testkit.TestPki;

/**
 * The PKCS#11 snippet of docs/SIGNING.md, run by {@link SigningDocsTest} in a JVM of its own (SoftHSM reads its
 * token folder from the {@code SOFTHSM2_CONF} environment variable, fixed when a JVM starts). Puts a test PKI key on
 * the token the way an agency's token already holds one, then loads it as the snippet shows and signs. Prints
 * {@code TOKEN-SIGNED <verified>}.
 */
final class Pkcs11SnippetMain {
    private Pkcs11SnippetMain() {
    }

    public static void main(String[] args) throws Exception {
        Path tokenConfig = Path.of(args[0]);
        String pin = args[1];
        SigningKey issued = TestPki.create("http://127.0.0.1:1").signer(TestPki.Kind.GOOD);
        Provider setup = Security.getProvider("SunPKCS11").configure(tokenConfig.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", setup);
        token.load(null, pin.toCharArray());
        token.setKeyEntry("agency-signer", issued.privateKey(), pin.toCharArray(),
                issued.certificateChain().toArray(new Certificate[0]));

        // snippet:signing-key-pkcs11
        SigningKey onToken = SigningKey.fromPkcs11(tokenConfig, Secret.of(pin), Optional.empty()); // first key
        // end:signing-key-pkcs11

        byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);
        SignatureValue value = onToken.sign(new DataToSign(data, SignatureAlgorithm.RSA_SHA256));
        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(issued.certificateChain().get(0));
        check.update(data);
        System.out.println("TOKEN-SIGNED " + check.verify(value.value()));
    }
}
