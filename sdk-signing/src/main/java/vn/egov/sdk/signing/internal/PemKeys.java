package vn.egov.sdk.signing.internal;

import java.io.IOException;
import java.io.Reader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;

/** Reads PEM keys and certificates with Bouncy Castle, using a private provider instance (never registered). */
public final class PemKeys {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemKeys() {
    }

    /** The Bouncy Castle provider instance the SDK uses without registering it. */
    public static BouncyCastleProvider provider() {
        return BC;
    }

    /** The first private key of a PEM stream. */
    public static PrivateKey privateKey(Reader pem, Optional<Secret> password) {
        try (PEMParser parser = new PEMParser(pem)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                PrivateKeyInfo info = keyInfo(o, password);
                if (info != null) {
                    return new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
                }
            }
        } catch (ValidationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ValidationException.of("signing.pem.malformed", "SigningKey.pem.privateKey",
                    "the private key PEM is malformed: " + Causes.describe(e));
        }
        throw ValidationException.of("signing.pem.noKey", "SigningKey.pem.privateKey",
                "no PRIVATE KEY block in the PEM data");
    }

    private static PrivateKeyInfo keyInfo(Object o, Optional<Secret> password) throws IOException {
        if (o instanceof PrivateKeyInfo p) {
            return p;
        }
        if (o instanceof PEMKeyPair kp) {
            return kp.getPrivateKeyInfo();
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
            char[] pw = requirePassword(password);
            try {
                return enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                        .build(pw));
            } catch (PKCSException | OperatorCreationException e) {
                throw wrongPassword(e);
            }
        }
        if (o instanceof PEMEncryptedKeyPair enc) {
            char[] pw = requirePassword(password);
            try {
                return enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(pw))
                        .getPrivateKeyInfo();
            } catch (IOException e) {
                throw wrongPassword(e);
            }
        }
        return null;
    }

    private static char[] requirePassword(Optional<Secret> password) {
        if (password == null || password.isEmpty()) {
            throw ValidationException.of("signing.pem.password", "SigningKey.pem.password",
                    "the private key is encrypted; its password is required");
        }
        return password.get().reveal().toCharArray();
    }

    private static ValidationException wrongPassword(Exception e) {
        return ValidationException.of("signing.pem.password", "SigningKey.pem.password",
                "cannot decrypt the private key (wrong password?)");
    }

    /** Every certificate of a PEM stream, in order. */
    public static List<X509Certificate> certificates(Reader pem) {
        List<X509Certificate> certs = new ArrayList<>();
        try (PEMParser parser = new PEMParser(pem)) {
            Object o;
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(conv.getCertificate(h));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw ValidationException.of("signing.pem.malformed", "SigningKey.pem.certificates",
                    "the certificate PEM is malformed: " + Causes.describe(e));
        }
        if (certs.isEmpty()) {
            throw ValidationException.of("signing.pem.noCertificate", "SigningKey.pem.certificates",
                    "no CERTIFICATE block in the PEM data");
        }
        return certs;
    }
}
