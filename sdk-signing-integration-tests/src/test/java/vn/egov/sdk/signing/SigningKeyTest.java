package vn.egov.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.TestPki;

class SigningKeyTest {
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.create("http://127.0.0.1:1");
    }

    @Test
    void signsAndTheSignatureVerifiesWithTheCertificate() throws Exception {
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        DataToSign data = new DataToSign("xin chào".getBytes(), SignatureAlgorithm.RSA_SHA256);
        SignatureValue value = key.sign(data);
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(key.certificate());
        v.update("xin chào".getBytes());
        assertTrue(v.verify(value.value()));
        // NONEwithRSA over the DigestInfo gives the same PKCS#1 block: what a hash-signing service returns
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(key.privateKey());
        raw.update(data.digestInfo());
        assertEquals(Base64.getEncoder().encodeToString(value.value()),
                Base64.getEncoder().encodeToString(raw.sign()));
    }

    @Test
    void loadsPkcs12AndRefusesAWrongPassword() throws Exception {
        SigningKey original = pki.signer(TestPki.Kind.GOOD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signer", original.privateKey(), "mat-khau-2026".toCharArray(),
                original.certificateChain().toArray(new Certificate[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "mat-khau-2026".toCharArray());

        SigningKey loaded = SigningKey.fromPkcs12(new ByteArrayInputStream(out.toByteArray()),
                Secret.of("mat-khau-2026"), Optional.empty());
        assertEquals(original.certificateChain(), loaded.certificateChain());
        ValidationException wrong = assertThrows(ValidationException.class, () -> SigningKey.fromPkcs12(
                new ByteArrayInputStream(out.toByteArray()), Secret.of("sai"), Optional.empty()));
        assertEquals("SigningKey.pkcs12", wrong.errors().get(0).path());
        assertThrows(ValidationException.class, () -> SigningKey.fromPkcs12(
                new ByteArrayInputStream("not pkcs12".getBytes()), Secret.of("x"), Optional.empty()));
        assertThrows(ValidationException.class, () -> SigningKey.fromPkcs12(
                new ByteArrayInputStream(out.toByteArray()), Secret.of("mat-khau-2026"), Optional.of("other")));
    }

    @Test
    void loadsPemAndRejectsMalformedPem() {
        SigningKey original = pki.signer(TestPki.Kind.GOOD);
        String keyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(original.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String certs = TestPki.pem(original.certificate()) + TestPki.pem(pki.ca());
        SigningKey loaded = SigningKey.fromPem(new StringReader(keyPem), new StringReader(certs), Optional.empty());
        assertEquals(2, loaded.certificateChain().size());
        assertEquals(original.certificate(), loaded.certificate());

        assertThrows(ValidationException.class, () -> SigningKey.fromPem(new StringReader("garbage"),
                new StringReader(certs), Optional.empty()));
        assertThrows(ValidationException.class, () -> SigningKey.fromPem(new StringReader(keyPem.substring(0, 80)),
                new StringReader(certs), Optional.empty()));
        assertThrows(ValidationException.class, () -> SigningKey.fromPem(new StringReader(keyPem),
                new StringReader(""), Optional.empty()));
    }

    @Test
    void refusesAKeyThatIsNotTheCertificatesAndShortRsaKeys() {
        SigningKey good = pki.signer(TestPki.Kind.GOOD);
        SigningKey agency = pki.signer(TestPki.Kind.AGENCY);
        ValidationException mismatch = assertThrows(ValidationException.class,
                () -> SigningKey.of(good.privateKey(), agency.certificateChain()));
        assertEquals("signing.key.mismatch", mismatch.errors().get(0).code());

        SigningKey weak = pki.signer(TestPki.Kind.WEAK_RSA_1024);
        ValidationException size = assertThrows(ValidationException.class,
                () -> SigningKey.of(weak.privateKey(), weak.certificateChain()));
        assertEquals("signing.key.size", size.errors().get(0).code());
        assertThrows(ValidationException.class, () -> SigningKey.of(good.privateKey(), List.of()));
        assertThrows(ValidationException.class,
                () -> good.sign(new DataToSign(new byte[1], SignatureAlgorithm.ECDSA_SHA256)));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        SigningKey key = pki.signer(TestPki.Kind.GOOD);
        String s = key.toString();
        assertTrue(s.contains("RSA 2048"), s);
        assertFalse(s.contains(Base64.getEncoder().encodeToString(key.privateKey().getEncoded()).substring(0, 20)));
    }
}
