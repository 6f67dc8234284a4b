package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes;
import vn.egov.sdk.axis.VdxpErrorKind;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.Organization;

/** Signing and verification hooks, a large package, and an overridden error table. */
class VdxpAxisClientPackagesTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void signerRunsBeforeTheSendAndVerifierOnEachFetch() {
        AtomicInteger signed = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        try (VdxpAxisClient sender = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                        .signer((in, out) -> {
                            signed.incrementAndGet();
                            in.transferTo(out);
                            out.write("<!-- signed -->".getBytes(StandardCharsets.US_ASCII));
                        }).build();
                VdxpAxisClient receiver = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)
                        .verifier(in -> {
                            verified.incrementAndGet();
                            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            return new SignatureCheck(text.contains("<edXML") ? SignatureCheck.Indication.VALID
                                    : SignatureCheck.Indication.INVALID, Optional.of("CN=Test"), "test verifier");
                        }).build()) {
            SendResult r = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "401"));
            try (ReceivedPackage p = receiver.fetch(r.docId())) {
                assertEquals(SignatureCheck.Indication.VALID, p.signature().orElseThrow().indication());
            }
        }
        assertEquals(1, signed.get());
        assertEquals(1, verified.get());
    }

    @Test
    void aLargePackageRoundTripsThroughTheBase64Envelope() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(42).nextBytes(big);
        DocumentPackage base = VdxpFixtures.document(VdxpFixtures.ngheAn(), "402");
        DocumentPackage doc = EdXmlPackages.newDocument(base.header(), VdxpFixtures.staff(),
                List.of(new Attachment("cid:1", "scan.bin", "", "application/octet-stream",
                        AttachmentContent.ofBytes(big))), VdxpFixtures.CLOCK);
        try (VdxpAxisClient sender = VdxpFixtures.system1(sandbox);
                VdxpAxisClient receiver = VdxpFixtures.system2(sandbox)) {
            SendResult r = sender.send(doc);
            try (ReceivedPackage p = receiver.fetch(r.docId())) {
                DocumentPackage got = assertInstanceOf(DocumentPackage.class, p.pkg());
                try (InputStream in = got.attachments().get(0).content().openStream()) {
                    assertArrayEquals(big, in.readAllBytes());
                }
            }
        }
    }

    @Test
    void moreSystemsAndANarrowerWindowCanBeConfigured() {
        try (NationalSandbox own = NationalSandbox.builder()
                .vdxpSystem("vxp.quangninh.01", "qn-test-secret", "000.00.00.H49")
                .vdxpTimestampWindow(java.time.Duration.ofSeconds(30)).start();
                VdxpAxisClient sender = VdxpFixtures.system1(own);
                VdxpAxisClient qn = VdxpFixtures.client(own, "vxp.quangninh.01", "qn-test-secret").build();
                VdxpAxisClient late = VdxpFixtures.client(own, "vxp.quangninh.01", "qn-test-secret")
                        .settings(VdxpFixtures.settings(own).clock(java.time.Clock.offset(VdxpFixtures.CLOCK, java.time.Duration.ofMinutes(-1))).build())
                        .build()) {
            assertTrue(own.vdxp().systems().containsAll(List.of(VdxpSandbox.SYSTEM_1, "vxp.quangninh.01")));
            SendResult r = sender.send(VdxpFixtures.document(Organization.of("000.00.00.H49", "UBND Quảng Ninh"),
                    "404"));
            assertEquals(r.docId(), qn.listReceived(vn.egov.sdk.axis.MessageType.EDOC).get(0).docId());
            vn.egov.sdk.core.AuthenticationException e = assertThrows(
                    vn.egov.sdk.core.AuthenticationException.class,
                    () -> late.listReceived(vn.egov.sdk.axis.MessageType.EDOC));
            assertEquals(Optional.of(ErrorCodes.TIMESTAMP_OUT_OF_WINDOW), e.platformErrorCode());
        }
    }

    @Test
    void theErrorTableCanBeOverridden() {
        try (VdxpAxisClient axis = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                .errorCode(ErrorCodes.UNKNOWN_RECIPIENT, VdxpErrorKind.UNAVAILABLE).sendAttempts(1).build()) {
            PlatformException e = assertThrows(PlatformException.class, () -> axis.send(
                    VdxpFixtures.document(Organization.of("000.00.00.H98", "UBND tỉnh Y"), "403")));
            assertTrue(e.retryable());
            assertEquals(Optional.of(ErrorCodes.UNKNOWN_RECIPIENT), e.platformErrorCode());
        }
    }
}
