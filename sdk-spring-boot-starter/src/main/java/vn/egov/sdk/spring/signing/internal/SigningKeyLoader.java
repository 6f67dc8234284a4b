package vn.egov.sdk.spring.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.spring.signing.EgovSigningProperties;

/**
 * Loads the configured signing key and turns every failure into a {@link ValidationException} naming the
 * {@code egov.signing.*} property to fix: a file that is not the kind it should be, a wrong password or PIN, a
 * certificate that does not carry the key, a certificate expired or not yet valid.
 */
public final class SigningKeyLoader {
    private static final String P = "egov.signing.";

    private SigningKeyLoader() {
    }

    /**
     * Loads the one key the properties configure (the binding rules have made sure there is exactly one).
     *
     * @param p the bound properties
     * @param clock the clock the certificate's validity is checked against
     * @return the key
     * @throws ValidationException naming the property when the key cannot be loaded or its certificate is not valid
     *         now
     */
    public static SigningKey load(EgovSigningProperties p, Clock clock) {
        List<String> kinds = EgovSigningRules.keyKinds(p);
        if (kinds.size() != 1) {
            throw ValidationException.of("required", P + "pkcs12.path", "exactly one signing key is needed "
                    + "(egov.signing.pkcs12, .pem or .pkcs11), got " + kinds.size());
        }
        return switch (kinds.get(0)) {
            case "pkcs12" -> valid(pkcs12(p.getPkcs12()), P + "pkcs12.path", clock);
            case "pem" -> valid(pem(p.getPem()), P + "pem.chain", clock);
            default -> valid(pkcs11(p.getPkcs11()), P + (p.getPkcs11().getConfig() != null ? "pkcs11.config"
                    : "pkcs11.library"), clock);
        };
    }

    private static SigningKey pkcs12(EgovSigningProperties.Pkcs12 k) {
        Path file = k.getPath();
        checkPkcs12Password(file, k.getPassword());
        try (InputStream in = Files.newInputStream(file)) {
            return SigningKey.fromPkcs12(in, k.getPassword(), Optional.ofNullable(k.getAlias()));
        } catch (IOException e) {
            throw ValidationException.of("file", P + "pkcs12.path", P + "pkcs12.path: cannot read " + file);
        } catch (ValidationException e) {
            throw rename(e, path -> switch (path) {
                case "SigningKey.pkcs12" -> k.getAlias() != null && isNotFound(e) ? "pkcs12.alias" : "pkcs12.path";
                default -> "pkcs12.path";
            });
        }
    }

    /** Opens the store first on its own, so a wrong password is told apart from a file that is not PKCS#12. */
    private static void checkPkcs12Password(Path file, Secret password) {
        char[] pw = password.reveal().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore.getInstance("PKCS12").load(in, pw);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw ValidationException.of("password", P + "pkcs12.password", P + "pkcs12.password is wrong: "
                        + "it does not open " + file);
            }
            throw ValidationException.of("format", P + "pkcs12.path", P + "pkcs12.path: " + file
                    + " is not a PKCS#12 file (.p12 / .pfx)");
        } catch (GeneralSecurityException e) {
            throw ValidationException.of("format", P + "pkcs12.path", P + "pkcs12.path: " + file
                    + " cannot be opened as PKCS#12 (" + e.getClass().getSimpleName() + ")");
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private static SigningKey pem(EgovSigningProperties.Pem k) {
        try {
            return SigningKey.fromPem(k.getKey(), k.getChain(), Optional.ofNullable(k.getPassword()));
        } catch (ValidationException e) {
            throw rename(e, path -> switch (path) {
                case "SigningKey.pem.password" -> "pem.password";
                case "SigningKey.pem.privateKey", "SigningKey.privateKey" -> "pem.key";
                default -> "pem.chain";
            });
        }
    }

    private static SigningKey pkcs11(EgovSigningProperties.Pkcs11 k) {
        Optional<String> alias = Optional.ofNullable(k.getAlias());
        String source = k.getConfig() != null ? "pkcs11.config" : "pkcs11.library";
        if (k.getConfig() != null) {
            return pkcs11(k.getConfig(), k, alias, source);
        }
        Path config = null;
        try {
            config = tempConfig();
            Files.writeString(config, "name = EgovToken\nlibrary = " + k.getLibrary().toAbsolutePath()
                    + "\nslotListIndex = " + (k.getSlot() == null ? 0 : k.getSlot()) + "\n", StandardCharsets.UTF_8);
            return pkcs11(config, k, alias, source);
        } catch (IOException e) {
            throw ValidationException.of("pkcs11", P + source, P + source
                    + ": cannot write the SunPKCS11 configuration for the library (" + e.getClass().getSimpleName()
                    + ")");
        } finally {
            if (config != null) {
                try {
                    Files.deleteIfExists(config);
                } catch (IOException ignored) {
                    // a temporary file holding no secret
                }
            }
        }
    }

    private static Path tempConfig() throws IOException {
        try {
            return Files.createTempFile("egov-pkcs11-", ".cfg",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile("egov-pkcs11-", ".cfg");
        }
    }

    private static SigningKey pkcs11(Path config, EgovSigningProperties.Pkcs11 k, Optional<String> alias,
            String source) {
        try {
            return SigningKey.fromPkcs11(config, k.getPin(), alias);
        } catch (ValidationException e) {
            ValidationException named = rename(e, path -> switch (path) {
                case "SigningKey.pkcs11.pin" -> "pkcs11.pin";
                case "SigningKey.pkcs11" -> k.getAlias() != null && isNotFound(e) ? "pkcs11.alias" : source;
                default -> source;
            });
            if (k.getConfig() != null) {
                throw named;
            }
            // the configuration file was made here for the library: name the library, not the temporary file
            String made = config.toString();
            String instead = "the configuration made for " + k.getLibrary() + " (slot " + (k.getSlot() == null ? 0
                    : k.getSlot()) + ")";
            throw new ValidationException(named.errors().stream().map(f -> new FieldError(f.code(), f.path(),
                    f.message().replace(made, instead))).toList());
        }
    }

    private static boolean isNotFound(ValidationException e) {
        return e.errors().stream().anyMatch(f -> "signing.key.notFound".equals(f.code()));
    }

    private static SigningKey valid(SigningKey key, String property, Clock clock) {
        X509Certificate cert = key.certificate();
        Instant now = clock.instant();
        String subject = cert.getSubjectX500Principal().getName();
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw ValidationException.of("expired", property, property + ": the signing certificate " + subject
                    + " expired on " + cert.getNotAfter().toInstant() + "; configure a key with a valid certificate");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw ValidationException.of("notYetValid", property, property + ": the signing certificate " + subject
                    + " is not valid before " + cert.getNotBefore().toInstant());
        }
        return key;
    }

    private static ValidationException rename(ValidationException e, java.util.function.Function<String, String> to) {
        List<FieldError> renamed = e.errors().stream().map(f -> {
            String property = P + to.apply(f.path());
            return new FieldError(f.code(), property, property + ": " + f.message());
        }).toList();
        return new ValidationException(renamed);
    }
}
