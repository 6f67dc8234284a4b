package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SigningKey;

/**
 * The signer's key for {@code egov sign}: a PKCS#12 file, or PEM key and certificates; the password from an
 * environment variable or a file, never from the command line, never printed.
 */
public final class KeyOptions {
    /** The environment variable read for the key's password by default. */
    static final String PASSWORD_VARIABLE = "EGOV_KEY_PASSWORD";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The PKCS#12 entry (default: the first key).")
    String alias;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = PASSWORD_VARIABLE,
            description = "The environment variable holding the key's password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the key's password (instead of the environment variable).")
    Path passwordFile;

    private final UnaryOperator<String> environment = System::getenv;

    /** Options as picocli fills them. */
    public KeyOptions() {
    }

    /** Where the key is: one of the two. */
    static final class Source {
        @Option(names = "--keystore", paramLabel = "FILE.p12", required = true,
                description = "A PKCS#12 file (.p12, .pfx) holding the key and its certificate chain.")
        Path keystore;

        @ArgGroup(exclusive = false)
        Pem pem;
    }

    /** PEM files: the key and the certificates. */
    static final class Pem {
        @Option(names = "--key", paramLabel = "KEY.pem", required = true,
                description = "A PEM private key (encrypted or not).")
        Path key;

        @Option(names = "--cert", paramLabel = "CERTS.pem",
                description = "The PEM certificates, signer first (default: the --key file).")
        Path cert;
    }

    /**
     * Loads the key.
     *
     * @return the key
     * @throws UnreadableInputException if a file is missing or unreadable
     * @throws MissingSecretException if a PKCS#12 file has no password from either source
     * @throws AuthenticationException if the key cannot be opened (wrong password, or not a key file)
     */
    SigningKey load() {
        try {
            Optional<Secret> password = password();
            if (source.keystore != null) {
                Path file = readable(source.keystore);
                Secret secret = password.orElseThrow(() -> new MissingSecretException("no password for the keystore "
                        + file + ": set " + passwordVariable + " or give --password-file"));
                try (InputStream in = Files.newInputStream(file)) {
                    return SigningKey.fromPkcs12(in, secret, Optional.ofNullable(alias));
                }
            }
            Path key = readable(source.pem.key);
            Path cert = readable(source.pem.cert != null ? source.pem.cert : source.pem.key);
            return SigningKey.fromPem(key, cert, password);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the key: " + e.getMessage(), e);
        } catch (ValidationException e) {
            throw new AuthenticationException("cannot open the key: " + e.getMessage(),
                    ErrorDetails.of(Fault.CALLER, false), e);
        }
    }

    private Optional<Secret> password() {
        if (passwordFile != null) {
            try {
                String first = Files.readString(readable(passwordFile), StandardCharsets.UTF_8).lines().findFirst()
                        .orElse("");
                return first.isEmpty() ? Optional.empty() : Optional.of(Secret.of(first));
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read the password file " + passwordFile, e);
            }
        }
        String value = environment.apply(passwordVariable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    static Path readable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableInputException(Files.exists(file) ? file + " is not a regular file"
                    : "no such file: " + file, null);
        }
        return file;
    }
}
