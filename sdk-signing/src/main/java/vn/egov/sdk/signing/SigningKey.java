package vn.egov.sdk.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.internal.PemKeys;

/**
 * A private key with its certificate chain, from a PKCS#12 file, PEM files, a PKCS#11 hardware token (how
 * Vietnamese officials sign, through the JDK's SunPKCS11) or a key already in hand. It is the local
 * {@link SignatureSource}: formats hand it a {@link DataToSign} and it returns the {@link SignatureValue}.
 *
 * <p>Keys are checked when loaded: the certificate must carry the key's public half (when the key exposes it), and
 * RSA keys must have at least 2048 bits (the floor Vietnamese CAs and ETSI set) unless
 * {@link #allowingShortRsaKeys(PrivateKey, List)} is asked for in a test. Nothing is registered JVM-wide: a PKCS#11 provider is
 * configured as a private instance. {@link #toString()} shows the subject and the key type, never key material.
 */
public final class SigningKey implements SignatureSource {
    /** The smallest RSA modulus accepted for signing. */
    public static final int MIN_RSA_BITS = 2048;

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final Provider provider;

    private SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider, boolean checkSize) {
        if (privateKey == null) {
            throw ValidationException.of("signing.key.missing", "SigningKey.privateKey", "a private key is required");
        }
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw ValidationException.of("signing.key.chain", "SigningKey.certificateChain",
                    "the signer certificate is required (signer first, then intermediates)");
        }
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.provider = provider;
        X509Certificate cert = this.chain.get(0);
        String keyAlg = normalise(privateKey.getAlgorithm());
        String certAlg = normalise(cert.getPublicKey().getAlgorithm());
        if (!keyAlg.equals(certAlg)) {
            throw ValidationException.of("signing.key.mismatch", "SigningKey.certificateChain[0]",
                    "the certificate holds a " + certAlg + " key but the private key is " + keyAlg);
        }
        if (cert.getPublicKey() instanceof RSAPublicKey pub) {
            if (privateKey instanceof RSAKey rsa && rsa.getModulus() != null
                    && !rsa.getModulus().equals(pub.getModulus())) {
                throw ValidationException.of("signing.key.mismatch", "SigningKey.certificateChain[0]",
                        "the certificate " + cert.getSubjectX500Principal().getName()
                                + " does not carry this private key's public key");
            }
            if (checkSize && pub.getModulus().bitLength() < MIN_RSA_BITS) {
                throw ValidationException.of("signing.key.size", "SigningKey.privateKey", "RSA key of "
                        + pub.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
            }
        }
    }

    /**
     * A key already in hand.
     *
     * @param privateKey the private key
     * @param chain the signer certificate first, then intermediates
     * @return a key that signs with {@code privateKey} and presents {@code chain}
     * @throws ValidationException if the key or chain is missing, the certificate does not carry the key's public key,
     *     or an RSA key is shorter than {@link #MIN_RSA_BITS}
     */
    public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new SigningKey(privateKey, chain, null, true);
    }

    /**
     * A key in hand whose RSA modulus may be shorter than {@link #MIN_RSA_BITS}: for tests that produce the weak
     * signatures a validator must report. Never use it to sign documents.
     *
     * @param privateKey the private key; required
     * @param chain the signer certificate first, then intermediates; required, non-empty
     * @return a key that skips only the minimum RSA size check
     */
    public static SigningKey allowingShortRsaKeys(PrivateKey privateKey, List<X509Certificate> chain) {
        return new SigningKey(privateKey, chain, null, false);
    }

    /**
     * The first key entry of a PKCS#12 file ({@code .p12}/{@code .pfx}).
     *
     * @param file the {@code .p12}/{@code .pfx} file to read
     * @param password the store and key password (the same one, as browsers and Windows export them)
     * @return the first key entry with its certificate chain
     * @throws ValidationException if the file cannot be read, the password is wrong or it holds no key
     */
    public static SigningKey fromPkcs12(Path file, Secret password) {
        ValidationException.requireNonNull(file, "SigningKey.pkcs12.file");
        try (InputStream in = Files.newInputStream(file)) {
            return fromPkcs12(in, password, Optional.empty());
        } catch (IOException e) {
            throw ValidationException.of("signing.pkcs12.unreadable", "SigningKey.pkcs12",
                    "cannot read the PKCS#12 file " + file + ": " + Causes.describe(e));
        }
    }

    /**
     * A key entry of a PKCS#12 stream.
     *
     * @param in the PKCS#12 bytes (not closed)
     * @param password the store and key password
     * @param alias the entry, or empty for the first key entry
     * @return the chosen key entry with its certificate chain
     * @throws ValidationException if the data is not PKCS#12, the password is wrong or the entry is missing
     */
    public static SigningKey fromPkcs12(InputStream in, Secret password, Optional<String> alias) {
        ValidationException.requireNonNull(in, "SigningKey.pkcs12.in");
        ValidationException.requireNonNull(alias, "SigningKey.pkcs12.alias");
        char[] pw = password == null ? new char[0] : password.reveal().toCharArray();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            return fromKeyStore(ks, pw, alias, null, "SigningKey.pkcs12");
        } catch (IOException | GeneralSecurityException e) {
            throw ValidationException.of("signing.pkcs12.unreadable", "SigningKey.pkcs12",
                    "cannot open the PKCS#12 data (wrong password, or not a PKCS#12 file): " + Causes.describe(e));
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    /**
     * A key from PEM files: a private key ({@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}, {@code RSA PRIVATE
     * KEY} or {@code EC PRIVATE KEY}) and the certificates ({@code CERTIFICATE} blocks, signer first).
     *
     * @param privateKeyPem the key file
     * @param certificatesPem the certificates file (may be the same file)
     * @param password the key's password when it is encrypted, else empty
     * @return the key with the certificates of {@code certificatesPem}, signer first
     * @throws ValidationException if a file is unreadable or malformed, or the password is wrong or missing
     */
    public static SigningKey fromPem(Path privateKeyPem, Path certificatesPem, Optional<Secret> password) {
        ValidationException.requireNonNull(privateKeyPem, "SigningKey.pem.privateKey");
        ValidationException.requireNonNull(certificatesPem, "SigningKey.pem.certificates");
        try (Reader key = Files.newBufferedReader(privateKeyPem, StandardCharsets.US_ASCII);
                Reader certs = Files.newBufferedReader(certificatesPem, StandardCharsets.US_ASCII)) {
            return fromPem(key, certs, password);
        } catch (IOException e) {
            throw ValidationException.of("signing.pem.unreadable", "SigningKey.pem",
                    "cannot read the PEM files: " + Causes.describe(e));
        }
    }

    /**
     * Like {@link #fromPem(Path, Path, Optional)} from readers (not closed).
     *
     * @param privateKeyPem the PEM text of the private key (not closed)
     * @param certificatesPem the PEM text of the certificates, signer first (not closed)
     * @param password the key's password when it is encrypted, else empty
     * @return the key with its certificates
     * @throws ValidationException if the PEM is malformed or the password is wrong or missing
     */
    public static SigningKey fromPem(Reader privateKeyPem, Reader certificatesPem, Optional<Secret> password) {
        ValidationException.requireNonNull(privateKeyPem, "SigningKey.pem.privateKey");
        ValidationException.requireNonNull(certificatesPem, "SigningKey.pem.certificates");
        ValidationException.requireNonNull(password, "SigningKey.pem.password");
        PrivateKey key = PemKeys.privateKey(privateKeyPem, password);
        List<X509Certificate> certs = PemKeys.certificates(certificatesPem);
        return of(key, certs);
    }

    /**
     * A key on a PKCS#11 token (USB token, smart card, HSM) through the JDK's SunPKCS11 provider. The provider is
     * configured as a private instance from the configuration file ({@code name}, {@code library}, {@code slot}…,
     * see the JDK's PKCS#11 reference guide) and never registered JVM-wide.
     *
     * @param configFile the SunPKCS11 configuration file
     * @param pin the token's user PIN
     * @param alias the key entry, or empty for the first one
     * @return a key whose signatures are made on the token by the private provider
     * @throws ValidationException if the provider or token cannot be opened, the PIN is wrong or no key is found
     */
    public static SigningKey fromPkcs11(Path configFile, Secret pin, Optional<String> alias) {
        ValidationException.requireNonNull(configFile, "SigningKey.pkcs11.config");
        ValidationException.requireNonNull(alias, "SigningKey.pkcs11.alias");
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw ValidationException.of("signing.pkcs11.unavailable", "SigningKey.pkcs11",
                    "this JDK has no SunPKCS11 provider");
        }
        Provider token;
        try {
            token = base.configure(configFile.toString());
        } catch (RuntimeException e) {
            throw ValidationException.of("signing.pkcs11.config", "SigningKey.pkcs11.config",
                    "cannot configure SunPKCS11 from " + configFile + ": " + Causes.describe(e));
        }
        char[] pw = pin == null ? new char[0] : pin.reveal().toCharArray();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", token);
            ks.load(null, pw);
            return fromKeyStore(ks, pw, alias, token, "SigningKey.pkcs11");
        } catch (IOException | GeneralSecurityException e) {
            throw ValidationException.of("signing.pkcs11.login", "SigningKey.pkcs11.pin",
                    "cannot log in to the token (wrong PIN, or token absent): " + Causes.describe(e));
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private static SigningKey fromKeyStore(KeyStore ks, char[] pw, Optional<String> alias, Provider provider,
            String path) throws GeneralSecurityException {
        String chosen = alias.orElse(null);
        if (chosen == null) {
            for (Enumeration<String> e = ks.aliases(); e.hasMoreElements();) {
                String a = e.nextElement();
                if (ks.isKeyEntry(a)) {
                    chosen = a;
                    break;
                }
            }
        }
        if (chosen == null || !ks.isKeyEntry(chosen)) {
            throw ValidationException.of("signing.key.notFound", path,
                    alias.map(a -> "no key entry named " + a).orElse("no key entry in the store"));
        }
        PrivateKey key = (PrivateKey) ks.getKey(chosen, pw);
        Certificate[] certs = ks.getCertificateChain(chosen);
        List<X509Certificate> chain = new ArrayList<>();
        if (certs != null) {
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
        }
        return new SigningKey(key, chain, provider, true);
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /**
     * Signs with the private key.
     *
     * @throws ValidationException if the algorithm does not fit the key
     * @throws SigningException if the key or token fails
     */
    @Override
    public SignatureValue sign(DataToSign data) {
        SignatureAlgorithm alg = data.algorithm();
        if (!alg.keyAlgorithm().equals(normalise(privateKey.getAlgorithm()))) {
            throw ValidationException.of("signing.algorithm.key", "DataToSign.algorithm",
                    alg + " needs a " + alg.keyAlgorithm() + " key; this key is " + privateKey.getAlgorithm());
        }
        try {
            Signature s = provider == null ? Signature.getInstance(alg.jcaName())
                    : Signature.getInstance(alg.jcaName(), provider);
            s.initSign(privateKey);
            s.update(data.bytes());
            return new SignatureValue(alg, s.sign());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw SigningException.local("the key of " + subject() + " could not sign: " + Causes.describe(e), e);
        }
    }

    /**
     * The private key, for formats that need a JCA key (the JDK's XML-DSig, for one).
     *
     * @return the JCA private key (for a token, a handle: its bytes never leave the device)
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * The provider holding the key, when it is not the JDK's default (a PKCS#11 token).
     *
     * @return the private provider of a PKCS#11 token, or empty for a key in memory
     */
    public Optional<Provider> provider() {
        return Optional.ofNullable(provider);
    }

    private String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    private static String normalise(String algorithm) {
        return "ECDSA".equals(algorithm) ? "EC" : algorithm;
    }

    @Override
    public String toString() {
        String size = chain.get(0).getPublicKey() instanceof RSAPublicKey r ? " " + r.getModulus().bitLength() : "";
        return "SigningKey[" + subject() + ", " + normalise(privateKey.getAlgorithm()) + size
                + (provider == null ? "" : ", " + provider.getName()) + "]";
    }
}
