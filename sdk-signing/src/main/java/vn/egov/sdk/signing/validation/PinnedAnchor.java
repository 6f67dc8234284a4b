package vn.egov.sdk.signing.validation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.internal.validation.Fingerprints;

/**
 * A root certificate known by its SHA-256 fingerprint: a certificate file is admitted as this trust anchor only
 * if its fingerprint equals the pin. {@link VietnamTrustAnchors} lists the Vietnamese roots; vendors may pin
 * others with the constructor.
 *
 * @param name a human name for reports ({@code "VGCA RootCA (2010)"})
 * @param pki which of Vietnam's PKIs it anchors
 * @param sha256 the SHA-256 fingerprint of the certificate's DER encoding, 64 lowercase hex digits (colons and
 *     upper case are accepted and normalised)
 * @param downloadUrl the official address the certificate is published at (http or https)
 * @param provenance where the pin comes from and how far it was verified
 */
public record PinnedAnchor(String name, VietnamPki pki, String sha256, URI downloadUrl, String provenance) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Normalises the fingerprint and checks every member.
     *
     * @param name a human name for reports; not blank
     * @param pki which of Vietnam's PKIs it anchors; required
     * @param sha256 the SHA-256 fingerprint in hexadecimal, colons and upper case allowed (normalised to 64 lowercase
     *     digits)
     * @param downloadUrl the official http(s) address of the certificate; required
     * @param provenance where the pin comes from; required
     */
    public PinnedAnchor {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("trust.pin.name", "PinnedAnchor.name", "name must not be blank");
        }
        if (pki == null) {
            throw ValidationException.of("trust.pin.pki", "PinnedAnchor.pki", "pki is required");
        }
        String fp = sha256 == null ? "" : sha256.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(fp).matches()) {
            throw ValidationException.of("trust.pin.sha256", "PinnedAnchor.sha256",
                    "sha256 must be 64 hex digits (a SHA-256 fingerprint), got '" + sha256 + "'");
        }
        sha256 = fp;
        if (downloadUrl == null || downloadUrl.getScheme() == null
                || !(downloadUrl.getScheme().equalsIgnoreCase("http")
                        || downloadUrl.getScheme().equalsIgnoreCase("https"))) {
            throw ValidationException.of("trust.pin.downloadUrl", "PinnedAnchor.downloadUrl",
                    "downloadUrl must be an http or https address, got " + downloadUrl);
        }
        if (provenance == null) {
            throw ValidationException.of("trust.pin.provenance", "PinnedAnchor.provenance", "provenance is required");
        }
    }

    /**
     * Whether {@code certificate} is the pinned one (its SHA-256 fingerprint equals the pin).
     *
     * @param certificate the certificate to compare with the pin
     * @return {@code true} if the certificate's DER encoding has the pinned SHA-256 fingerprint
     */
    public boolean matches(X509Certificate certificate) {
        return sha256.equals(Fingerprints.sha256(certificate));
    }

    @Override
    public String toString() {
        return name + " (" + pki + ", sha256 " + sha256 + ")";
    }
}
