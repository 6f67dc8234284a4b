package vn.egov.sdk.spring.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.validation.PinnedAnchor;
import vn.egov.sdk.signing.validation.TrustAnchorException;
import vn.egov.sdk.signing.validation.TrustAnchorLoader;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.VietnamTrustAnchors;
import vn.egov.sdk.spring.signing.EgovSigningProperties;

/**
 * Builds the {@link TrustStore} of {@code egov.signing.trust.*}: each pinned root admitted only if it matches one
 * of the SDK's Vietnamese pins, the further certificates and the key store's trusted entries as they are. Every
 * failure is a {@link ValidationException} naming the property (and the list index) to fix.
 */
public final class TrustStoreLoader {
    private static final String P = "egov.signing.trust.";

    private TrustStoreLoader() {
    }

    /**
     * Builds the trust store.
     *
     * @param t the trust settings
     * @return the store
     * @throws ValidationException naming the property when a file is not what it should be, or nothing is trusted
     */
    public static TrustStore load(EgovSigningProperties.Trust t) {
        TrustStore.Builder b = TrustStore.builder();
        for (int i = 0; i < t.getPinnedRoots().size(); i++) {
            Path file = t.getPinnedRoots().get(i);
            b.pinned(pinned(file, P + "pinned-roots[" + i + "]"), file);
        }
        for (int i = 0; i < t.getCertificates().size(); i++) {
            String property = P + "certificates[" + i + "]";
            List<X509Certificate> certs = certificates(t.getCertificates().get(i), property);
            b.trustAll(certs);
        }
        if (t.getKeystore().getPath() != null) {
            b.trustAll(keystore(t.getKeystore()));
        }
        if (!t.isConfigured()) {
            throw ValidationException.of("required", P + "pinned-roots", "no trust anchor is configured: set "
                    + P + "pinned-roots, " + P + "certificates or " + P + "keystore.path");
        }
        return b.build();
    }

    private static PinnedAnchor pinned(Path file, String property) {
        List<String> refused = new ArrayList<>();
        for (PinnedAnchor anchor : VietnamTrustAnchors.all()) {
            try {
                TrustAnchorLoader.load(anchor, file);
                return anchor;
            } catch (TrustAnchorException e) {
                refused.add(anchor.name());
                if (refused.size() == VietnamTrustAnchors.all().size()) {
                    throw ValidationException.of("pin", property, property + ": " + file + " matches none of the "
                            + "pinned Vietnamese roots " + refused + " (SHA-256 " + e.foundFingerprints()
                            + "); put a root you vouch for under " + P + "certificates instead");
                }
            }
        }
        throw ValidationException.of("pin", property, property + ": no pinned Vietnamese root is known");
    }

    /**
     * The certificates of a DER, PEM or PKCS#7 file.
     *
     * @param file the file
     * @param property the property naming it, for errors
     * @return at least one certificate
     * @throws ValidationException naming the property when the file holds none
     */
    public static List<X509Certificate> certificates(Path file, String property) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            return out;
        } catch (IOException | CertificateException | ClassCastException e) {
            throw ValidationException.of("certificate", property, property + ": " + file
                    + " holds no X.509 certificate (DER, PEM or PKCS#7 expected)");
        }
    }

    private static List<X509Certificate> keystore(EgovSigningProperties.Keystore k) {
        String property = P + "keystore.path";
        char[] pw = k.getPassword() == null ? null : k.getPassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(k.getPath())) {
            KeyStore ks = KeyStore.getInstance(k.getType());
            ks.load(in, pw);
            List<X509Certificate> out = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isCertificateEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(c);
                }
            }
            if (out.isEmpty()) {
                throw ValidationException.of("certificate", property, property + ": " + k.getPath()
                        + " holds no trusted-certificate entry");
            }
            return out;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw ValidationException.of("password", P + "keystore.password", P + "keystore.password "
                        + (pw == null ? "is required to open " : "is wrong: it does not open ") + k.getPath());
            }
            throw ValidationException.of("format", property, property + ": " + k.getPath() + " is not a "
                    + k.getType() + " key store");
        } catch (GeneralSecurityException e) {
            throw ValidationException.of("format", P + "keystore.type", P + "keystore.type: cannot open "
                    + k.getPath() + " as " + k.getType() + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (pw != null) {
                java.util.Arrays.fill(pw, '\0');
            }
        }
    }
}
