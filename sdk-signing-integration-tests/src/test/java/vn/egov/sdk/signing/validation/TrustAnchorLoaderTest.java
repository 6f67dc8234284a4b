package vn.egov.sdk.signing.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.PkiSandboxTest;
import vn.egov.sdk.testkit.TestPki;

/** The pinned anchors and the loader that admits a certificate file only if it matches its pin. */
class TrustAnchorLoaderTest extends PkiSandboxTest {
    private static final String VGCA_FP = "f7bc89054cec7f12730d7b8cd3eb7955b163835087e5eb873edfb584763b3f90";

    @Test
    void shipsPinsForBothPkis() {
        assertEquals(3, VietnamTrustAnchors.all().size());
        assertEquals(List.of(VietnamTrustAnchors.NEAC_ROOT), VietnamTrustAnchors.of(VietnamPki.PUBLIC_NEAC));
        assertEquals(2, VietnamTrustAnchors.of(VietnamPki.GOVERNMENT_VGCA).size());
        assertEquals(VGCA_FP, VietnamTrustAnchors.VGCA_ROOT_2010.sha256());
        VietnamTrustAnchors.all().forEach(a -> {
            assertEquals(64, a.sha256().length());
            assertFalse(a.provenance().isBlank());
        });
        assertTrue(VietnamTrustAnchors.NEAC_ROOT.provenance().contains("re-verify"));
    }

    @Test
    void pinIsNormalisedAndCheckedWhenMade() {
        PinnedAnchor a = new PinnedAnchor("x", VietnamPki.PUBLIC_NEAC, VGCA_FP.toUpperCase().replaceAll("(..)(?!$)", "$1:"),
                URI.create("https://example.test/root.crt"), "test");
        assertEquals(VGCA_FP, a.sha256());
        ValidationException bad = assertThrows(ValidationException.class, () -> new PinnedAnchor("x",
                VietnamPki.PUBLIC_NEAC, "abcd", URI.create("https://example.test/r.crt"), "test"));
        assertEquals("PinnedAnchor.sha256", bad.errors().get(0).path());
        assertThrows(ValidationException.class, () -> new PinnedAnchor("x", VietnamPki.PUBLIC_NEAC, VGCA_FP,
                URI.create("file:///etc/passwd"), "test"));
    }

    @Test
    void admitsTheRealVgcaRootAsDerPemAndPkcs7() throws Exception {
        Path file = SharedTrust.vgcaRoot2010();
        X509Certificate der = TrustAnchorLoader.load(VietnamTrustAnchors.VGCA_ROOT_2010, file);
        assertTrue(der.getSubjectX500Principal().getName().contains("Ban Co yeu Chinh phu"));

        String pem = TestPki.pem(der);
        X509Certificate fromPem = TrustAnchorLoader.load(VietnamTrustAnchors.VGCA_ROOT_2010,
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(der, fromPem);

        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addCertificates(new JcaCertStore(List.of(pki.root(), der)));
        byte[] p7b = g.generate(new CMSAbsentContent()).getEncoded();
        assertEquals(der, TrustAnchorLoader.load(VietnamTrustAnchors.VGCA_ROOT_2010, new ByteArrayInputStream(p7b)),
                "the matching certificate is picked from a bundle");

        TrustStore store = TrustStore.builder().pinned(VietnamTrustAnchors.VGCA_ROOT_2010, file).trust(pki.root())
                .build();
        assertEquals(2, store.size());
        assertEquals("VGCA RootCA (2010)", store.nameOf(der).orElseThrow());
    }

    @Test
    void refusesTheRealRootForAnotherPinNamingBoth() {
        Path file = SharedTrust.vgcaRoot2010();
        TrustAnchorException e = assertThrows(TrustAnchorException.class,
                () -> TrustAnchorLoader.load(VietnamTrustAnchors.NEAC_ROOT, file));
        assertEquals(VietnamTrustAnchors.NEAC_ROOT, e.anchor());
        assertEquals(List.of(VGCA_FP), e.foundFingerprints());
        assertTrue(e.getMessage().contains("Vietnam National Root CA") && e.getMessage().contains(VGCA_FP)
                && e.getMessage().contains(VietnamTrustAnchors.NEAC_ROOT.sha256()), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void refusesADifferentCertificate() throws Exception {
        TrustAnchorException e = assertThrows(TrustAnchorException.class, () -> TrustAnchorLoader.load(
                VietnamTrustAnchors.VGCA_ROOT_2010, new ByteArrayInputStream(pki.root().getEncoded())));
        assertEquals(1, e.foundFingerprints().size());
        assertFalse(e.foundFingerprints().contains(VGCA_FP));
        assertTrue(e.getMessage().contains("SDK Test National Root CA"), e.getMessage());
    }

    @Test
    void refusesGarbageTruncatedEmptyAndOversizedFiles() throws Exception {
        byte[] real = Files.readAllBytes(SharedTrust.vgcaRoot2010());
        List<byte[]> hostile = List.of(new byte[0], "not a certificate".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(real, real.length / 2),
                "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        for (byte[] h : hostile) {
            TrustAnchorException e = assertThrows(TrustAnchorException.class,
                    () -> TrustAnchorLoader.load(VietnamTrustAnchors.VGCA_ROOT_2010, new ByteArrayInputStream(h)));
            assertTrue(e.foundFingerprints().isEmpty());
            assertTrue(e.getMessage().contains("holds no certificate"), e.getMessage());
        }
        byte[] huge = new byte[(int) TrustAnchorLoader.MAX_FILE_BYTES + 10];
        TrustAnchorException big = assertThrows(TrustAnchorException.class,
                () -> TrustAnchorLoader.load(VietnamTrustAnchors.VGCA_ROOT_2010, new ByteArrayInputStream(huge)));
        assertTrue(big.getMessage().contains("larger than"), big.getMessage());
    }

    @Test
    void fetchesFromTheOfficialAddressAndChecksThePin() throws Exception {
        URI rootUrl = URI.create(sandbox.baseUrl() + TestPki.ROOT_PATH);
        PinnedAnchor testRoot = new PinnedAnchor("test root", VietnamPki.PUBLIC_NEAC,
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(pki.root().getEncoded())), rootUrl, "the sandbox's test PKI");
        assertEquals(pki.root(), TrustAnchorLoader.fetch(testRoot, http));
        assertTrue(TrustStore.builder().fetched(testRoot, http).build().contains(pki.root()));

        PinnedAnchor impostor = new PinnedAnchor("VGCA served by an impostor", VietnamPki.GOVERNMENT_VGCA, VGCA_FP,
                rootUrl, "test");
        TrustAnchorException mismatch = assertThrows(TrustAnchorException.class,
                () -> TrustAnchorLoader.fetch(impostor, http));
        assertFalse(mismatch.retryable());
        assertTrue(mismatch.getMessage().contains("does not match its pin"), mismatch.getMessage());

        sandbox.faults().on(TestPki.ROOT_PATH).always().status(503);
        TrustAnchorException down = assertThrows(TrustAnchorException.class,
                () -> TrustAnchorLoader.fetch(testRoot, http));
        assertTrue(down.retryable(), down.getMessage());
    }

    @Test
    void anEmptyTrustStoreIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> TrustStore.builder().build());
        assertEquals("TrustStore.anchors", e.errors().get(0).path());
    }
}
