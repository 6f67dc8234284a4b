package vn.egov.sdk.signing.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.internal.validation.BoundedFetch;
import vn.egov.sdk.signing.internal.validation.CertificateFiles;
import vn.egov.sdk.signing.internal.validation.Fingerprints;
import vn.egov.sdk.core.ValidationException;

/**
 * Admits a root certificate as a trust anchor only if it matches its {@link PinnedAnchor pin}. The certificate
 * comes as a file the vendor holds (DER, PEM, or a PKCS#7 {@code .p7b} bundle as NEAC publishes; the matching
 * certificate is picked from a bundle) or is fetched from the pin's official address through the SDK's
 * {@link HttpRuntime}. Anything else is refused with a {@link TrustAnchorException} naming the pin and the
 * fingerprints found.
 *
 * <pre>{@code
 * X509Certificate vgca = TrustAnchorLoader.load(VietnamTrustAnchors.VGCA_ROOT_2010, Path.of("vgca-root.cer"));
 * }</pre>
 */
public final class TrustAnchorLoader {
    /** The largest certificate file read (1 MiB): root certificates and their bundles are a few kilobytes. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private TrustAnchorLoader() {
    }

    /**
     * Loads the pinned certificate from a file.
     *
     * @param anchor the pin the certificate must match
     * @param file a DER or PEM certificate, or a PKCS#7 bundle, of at most {@link #MAX_FILE_BYTES}
     * @return the certificate whose fingerprint matches the pin
     * @throws TrustAnchorException if the file holds no certificate matching the pin
     */
    public static X509Certificate load(PinnedAnchor anchor, Path file) {
        ValidationException.requireNonNull(anchor, "TrustAnchorLoader.anchor");
        ValidationException.requireNonNull(file, "TrustAnchorLoader.file");
        try (InputStream in = Files.newInputStream(file)) {
            return load(anchor, in);
        } catch (IOException e) {
            throw new TrustAnchorException(anchor, List.of(),
                    "cannot read " + file + " for trust anchor " + anchor.name() + ": " + Causes.describe(e), false, e);
        }
    }

    /**
     * Loads the pinned certificate from a stream (not closed).
     *
     * @param anchor the pin the certificate must match
     * @param in a DER or PEM certificate, or a PKCS#7 bundle, of at most {@link #MAX_FILE_BYTES}
     * @return the certificate whose fingerprint matches the pin
     * @throws TrustAnchorException if the stream holds no certificate matching the pin
     */
    public static X509Certificate load(PinnedAnchor anchor, InputStream in) {
        ValidationException.requireNonNull(anchor, "TrustAnchorLoader.anchor");
        ValidationException.requireNonNull(in, "TrustAnchorLoader.in");
        try {
            Optional<byte[]> bytes = CertificateFiles.readBounded(in, MAX_FILE_BYTES);
            if (bytes.isEmpty()) {
                throw new TrustAnchorException(anchor, List.of(), "the file offered for trust anchor "
                        + anchor.name() + " is larger than " + MAX_FILE_BYTES + " bytes: not a root certificate",
                        false, null);
            }
            return admit(anchor, bytes.get(), "the file");
        } catch (IOException e) {
            throw new TrustAnchorException(anchor, List.of(),
                    "cannot read the file for trust anchor " + anchor.name() + ": " + Causes.describe(e), false, e);
        }
    }

    /**
     * Downloads the pinned certificate from its {@link PinnedAnchor#downloadUrl() official address}.
     *
     * @param http the runtime to fetch with (its timeouts, retries and proxy apply)
     * @param anchor the pin to download, from {@link PinnedAnchor#downloadUrl()}
     * @return the downloaded certificate whose fingerprint matches the pin
     * @throws TrustAnchorException if the download fails (retryable) or does not match the pin
     */
    public static X509Certificate fetch(PinnedAnchor anchor, HttpRuntime http) {
        ValidationException.requireNonNull(anchor, "TrustAnchorLoader.anchor");
        ValidationException.requireNonNull(http, "TrustAnchorLoader.http");
        byte[] bytes;
        try {
            bytes = new BoundedFetch(http, java.time.Duration.ofSeconds(30), 3).get(anchor.downloadUrl(),
                    MAX_FILE_BYTES);
        } catch (BoundedFetch.FetchException e) {
            throw new TrustAnchorException(anchor, List.of(), "cannot download trust anchor " + anchor.name()
                    + ": " + Causes.describe(e) + "; try again later or load the file yourself", true, e);
        }
        return admit(anchor, bytes, anchor.downloadUrl().toString());
    }

    private static X509Certificate admit(PinnedAnchor anchor, byte[] bytes, String where) {
        List<X509Certificate> certificates = CertificateFiles.parse(bytes);
        if (certificates.isEmpty()) {
            throw new TrustAnchorException(anchor, List.of(), where + " offered for trust anchor " + anchor.name()
                    + " holds no certificate (DER, PEM or PKCS#7 expected)", false, null);
        }
        for (X509Certificate c : certificates) {
            if (anchor.matches(c)) {
                return c;
            }
        }
        List<String> found = certificates.stream().map(Fingerprints::sha256).toList();
        throw new TrustAnchorException(anchor, found, where + " offered for trust anchor " + anchor.name()
                + " does not match its pin: expected SHA-256 " + anchor.sha256() + ", found " + found
                + " (" + certificates.get(0).getSubjectX500Principal().getName()
                + (certificates.size() > 1 ? " and " + (certificates.size() - 1) + " more" : "")
                + "); check that the file is the official one", false, null);
    }
}
