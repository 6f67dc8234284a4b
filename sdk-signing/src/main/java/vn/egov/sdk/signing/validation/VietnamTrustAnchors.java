package vn.egov.sdk.signing.validation;

import java.net.URI;
import java.util.List;

/**
 * The Vietnamese root certificates the SDK ships as pins: the Government CA's (VGCA) roots and
 * the national root of the public CAs (NEAC). The certificates themselves are not bundled: load each with
 * {@link TrustAnchorLoader}, which admits a file only if it matches its pin.
 *
 * <p>Where a pin comes from a third party, its {@link PinnedAnchor#provenance()} says so: re-verify it against the
 * official publication (fingerprint shown on the CA's site or obtained from the CA) before relying on it in
 * production, and configure your own {@link PinnedAnchor} if a root is renewed.
 */
public final class VietnamTrustAnchors {
    /**
     * The Government CA's first root, "Co quan chung thuc so chuyen dung Chinh phu (RootCA)", RSA-2048 signed with
     * SHA-1, valid 2010-03-10 to 2030-03-05, serial {@code FF303AE4E90AC1ED}.
     */
    public static final PinnedAnchor VGCA_ROOT_2010 = new PinnedAnchor("VGCA RootCA (2010)",
            VietnamPki.GOVERNMENT_VGCA, "f7bc89054cec7f12730d7b8cd3eb7955b163835087e5eb873edfb584763b3f90",
            URI.create("http://ca.gov.vn/pki/pub/crt/rootca.crt"),
            "fingerprint computed from the certificate published in VietOpenCPS/pki and checked against the SDK's "
                    + "conformance copy (same value); the download address follows the G2 root's and is not "
                    + "confirmed: re-verify with the Government Cipher Committee (ca.gov.vn)");

    /** The Government CA's second-generation root, "RootCA chuyên dùng Chính phủ G2" (valid until 2048). */
    public static final PinnedAnchor VGCA_ROOT_G2 = new PinnedAnchor("VGCA RootCA G2", VietnamPki.GOVERNMENT_VGCA,
            "f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8",
            URI.create("http://ca.gov.vn/pki/pub/crt/rootcag2.crt"),
            "third-party pin (public trust-store repositories), not yet verified against the official publication: "
                    + "re-verify with the Government Cipher Committee (ca.gov.vn) before production use");

    /** The national root of the public CAs, "Vietnam National Root CA" (SHA-256 generation, {@code vnrca256}). */
    public static final PinnedAnchor NEAC_ROOT = new PinnedAnchor("Vietnam National Root CA (NEAC)",
            VietnamPki.PUBLIC_NEAC, "bac8bf609ab420a8ee1780d74f4de5c7f7184959d2a7375b0a75e4c29f0908e7",
            URI.create("https://rootca.gov.vn/crt/vnrca256.p7b"),
            "third-party pin (public trust-store repositories and a Go program embedding the NRCA certificates), "
                    + "not yet verified against the official publication: re-verify with NEAC (rootca.gov.vn) "
                    + "before production use");

    private static final List<PinnedAnchor> ALL = List.of(VGCA_ROOT_2010, VGCA_ROOT_G2, NEAC_ROOT);

    private VietnamTrustAnchors() {
    }

    /**
     * Every pinned Vietnamese root.
     *
     * @return an unmodifiable list of every pin, in a fixed order
     */
    public static List<PinnedAnchor> all() {
        return ALL;
    }

    /**
     * The pinned roots of one PKI.
     *
     * @param pki the PKI wanted
     * @return an unmodifiable list of that PKI's pins, possibly empty
     */
    public static List<PinnedAnchor> of(VietnamPki pki) {
        return ALL.stream().filter(a -> a.pki() == pki).toList();
    }
}
