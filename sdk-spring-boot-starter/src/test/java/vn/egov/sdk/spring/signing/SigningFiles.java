package vn.egov.sdk.spring.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.testkit.TestPki;

/** Writes the test PKI's keys and certificates as the files a vendor configures: PKCS#12, PEM, roots. */
final class SigningFiles {
    private SigningFiles() {
    }

    static Path pkcs12(Path dir, String name, SigningKey key, String alias, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, key.privateKey(), password.toCharArray(),
                    key.certificateChain().toArray(new Certificate[0]));
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 file with two key entries, {@code first} then {@code second}. */
    static Path pkcs12Two(Path dir, SigningKey first, SigningKey second, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("first", first.privateKey(), password.toCharArray(),
                    first.certificateChain().toArray(new Certificate[0]));
            ks.setKeyEntry("second", second.privateKey(), password.toCharArray(),
                    second.certificateChain().toArray(new Certificate[0]));
            Path file = dir.resolve("two.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 trust store holding {@code root} as a trusted-certificate entry. */
    static Path trustStore(Path dir, X509Certificate root, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("root", root);
            Path file = dir.resolve("trust.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path keyPem(Path dir, String name, SigningKey key) throws IOException {
        return Files.writeString(dir.resolve(name), pem("PRIVATE KEY", key.privateKey().getEncoded()),
                StandardCharsets.US_ASCII);
    }

    /** The key as an {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 with AES-256). */
    static Path encryptedKeyPem(Path dir, String name, SigningKey key, String password) throws Exception {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        random.nextBytes(iv);
        String alg = "PBEWithHmacSHA256AndAES_256";
        Cipher cipher = Cipher.getInstance(alg);
        cipher.init(Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(alg).generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(key.privateKey().getEncoded());
        // EncryptedPrivateKeyInfo ::= SEQUENCE { SEQUENCE { id-PBES2, PBES2-params }, OCTET STRING }
        byte[] pbes2 = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x05, 0x0D};
        byte[] info = der(0x30, concat(der(0x30, concat(pbes2, cipher.getParameters().getEncoded())),
                der(0x04, encrypted)));
        return Files.writeString(dir.resolve(name), pem("ENCRYPTED PRIVATE KEY", info), StandardCharsets.US_ASCII);
    }

    static Path chainPem(Path dir, String name, SigningKey key) throws IOException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate c : key.certificateChain()) {
            text.append(TestPki.pem(c));
        }
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    static Path certificatePem(Path dir, String name, X509Certificate certificate) throws IOException {
        return Files.writeString(dir.resolve(name), TestPki.pem(certificate), StandardCharsets.US_ASCII);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 128 ? new byte[] {(byte) n}
                : n < 256 ? new byte[] {(byte) 0x81, (byte) n}
                : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        return concat(concat(new byte[] {(byte) tag}, length), content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
