package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.validation.PinnedAnchor;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.VietnamTrustAnchors;

/**
 * The trust anchors and revocation policy of {@code egov verify}: the SDK's pinned Vietnamese roots (a copy of each,
 * admitted only if it matches its pin) and any certificate trusted explicitly (a test PKI's root).
 */
public final class TrustOptions {
    @Option(names = "--trust", paramLabel = "FILE.pem",
            description = "Trust the certificates of this PEM or DER file as roots (repeatable), e.g. the "
                    + "sandbox's test root.")
    List<Path> trusted = new ArrayList<>();

    @Option(names = "--vn-root", paramLabel = "FILE",
            description = "A copy of a Vietnamese root (VGCA 2010, VGCA G2, NEAC), admitted only if its SHA-256 "
                    + "matches the SDK's pin (repeatable).")
    List<Path> vietnamRoots = new ArrayList<>();

    @Option(names = "--revocation", paramLabel = "POLICY", defaultValue = "hard-fail",
            description = "hard-fail (no OCSP/CRL answer: indeterminate), soft-fail (answer missing: a warning) or "
                    + "offline (not checked). Default: ${DEFAULT-VALUE}.")
    String revocation;

    /** Options as picocli fills them. */
    public TrustOptions() {
    }

    /**
     * The validator for these options.
     *
     * @return the validator; the caller closes it
     * @throws ValidationException naming the option when no root is given, a policy is unknown or a copy of a
     *         Vietnamese root matches no pin
     * @throws UnreadableInputException when a certificate file cannot be read
     */
    PkixCertificateValidator validator() {
        RevocationPolicy policy = switch (revocation.toLowerCase(Locale.ROOT)) {
            case "hard-fail" -> RevocationPolicy.HARD_FAIL;
            case "soft-fail" -> RevocationPolicy.SOFT_FAIL;
            case "offline" -> RevocationPolicy.OFFLINE;
            default -> throw ValidationException.of("cli.revocation", "--revocation",
                    "must be hard-fail, soft-fail or offline, not '" + revocation + "'");
        };
        if (trusted.isEmpty() && vietnamRoots.isEmpty()) {
            throw ValidationException.of("cli.trust", "--trust",
                    "no trust anchor: give --vn-root with your copy of a Vietnamese root, or --trust FILE.pem");
        }
        TrustStore.Builder store = TrustStore.builder();
        for (Path file : trusted) {
            certificates(file).forEach(store::trust);
        }
        for (Path file : vietnamRoots) {
            X509Certificate root = certificates(file).get(0);
            PinnedAnchor pin = VietnamTrustAnchors.all().stream().filter(a -> a.matches(root)).findFirst()
                    .orElseThrow(() -> ValidationException.of("cli.vn-root", "--vn-root", file
                            + " matches none of the SDK's pinned Vietnamese roots (" + VietnamTrustAnchors.all()
                                    .stream().map(PinnedAnchor::name).toList() + ")"));
            store.pinned(pin, file);
        }
        return PkixCertificateValidator.builder().trustStore(store.build()).revocationPolicy(policy).build();
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(KeyOptions.readable(file))) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new UnreadableInputException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new UnreadableInputException("no certificate in " + file, null);
        }
        return out;
    }
}
