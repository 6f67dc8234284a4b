package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpHashFormat;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.edxml.DocumentPackage;

/**
 * {@code send(pkg, options, archive)} archives exactly the bytes that left, with a signer that is not deterministic
 * (each signature differs): on the wire (an interceptor sees the body sent), at the sandbox (the national axis accepts
 * only a file whose SHA-256 is the zero-padded {@code hash-file}; the LGSP axis gives the receiver the very bytes it
 * received).
 */
class AxisSendArchiveTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @TempDir
    Path dir;

    /** Appends a fresh nonce as an XML comment: signing the same package twice never gives the same bytes. */
    private static final DocumentSigner NONCE_SIGNER = (in, out) -> {
        in.transferTo(out);
        out.write(("<!-- nonce " + UUID.randomUUID() + " -->").getBytes(StandardCharsets.US_ASCII));
    };

    @Test
    void theNationalAxisArchiveIsWhatLeftAndWhatTheAxisAccepted() throws IOException {
        Path archive = dir.resolve("sent.edxml");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        HttpInterceptor capture = new HttpInterceptor() {
            @Override
            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
                if (request.url().getPath().endsWith("/sendEdoc")) {
                    try {
                        request.body().orElseThrow().writeTo(wire);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return request;
            }
        };
        try (VdxpAxisClient sender = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                .settings(VdxpFixtures.settings(sandbox).addInterceptor(capture).build())
                .hashFormat(VdxpHashFormat.ZERO_PADDED).signer(NONCE_SIGNER).build()) {
            int before = sandbox.vdxp().storedPackages();
            SendResult r = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "701"), RequestOptions.DEFAULT,
                    archive);
            assertEquals(before + 1, sandbox.vdxp().storedPackages(), "the axis accepted the hash-file it was sent");
            assertArchived(r, archive);
            byte[] sent = wire.toByteArray();
            byte[] archived = Files.readAllBytes(archive);
            // the official client's raw form: the file, then CRLF
            assertArrayEquals(archived, Arrays.copyOf(sent, sent.length - 2));
            assertEquals("\r\n", new String(sent, sent.length - 2, 2, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theProvincialAxisArchiveIsWhatTheReceiverGets() throws IOException {
        Path archive = dir.resolve("lgsp-sent.edxml");
        Files.writeString(archive, "an older file is replaced");
        try (LgspAxisClient sender = LgspTestData.client(sandbox, LgspSandbox.SYSTEM_1_ID,
                LgspSandbox.SYSTEM_1_SECRET_KEY).signer(NONCE_SIGNER).build();
             LgspAxisClient receiver = LgspTestData.system2(sandbox)) {
            DocumentPackage doc = LgspTestData.document(LgspTestData.SYSTEM_1, LgspTestData.SYSTEM_2, "702");
            SendResult r = sender.send(doc, RequestOptions.DEFAULT, archive);
            assertArchived(r, archive);
            assertArrayEquals(fetched(receiver, r.docId()), Files.readAllBytes(archive),
                    "the archive differs from what the axis received");
        }
    }

    @Test
    void twoSendsOfOnePackageArchiveTheirOwnSignedBytes() throws IOException {
        try (VdxpAxisClient sender = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                .signer(NONCE_SIGNER).build()) {
            DocumentPackage doc = VdxpFixtures.document(VdxpFixtures.ngheAn(), "703");
            SendResult a = sender.send(doc, RequestOptions.DEFAULT, dir.resolve("a.edxml"));
            SendResult b = sender.send(doc, RequestOptions.DEFAULT, dir.resolve("b.edxml"));
            assertNotEquals(a.sha256(), b.sha256(), "the nonce signer makes each send's bytes differ");
            assertEquals(a.sha256(), sha256(Files.readAllBytes(dir.resolve("a.edxml"))));
            assertEquals(b.sha256(), sha256(Files.readAllBytes(dir.resolve("b.edxml"))));
        }
    }

    @Test
    void withoutAnArchiveTheResultStillDescribesWhatWasSent() throws IOException {
        try (LgspAxisClient sender = LgspTestData.system1(sandbox);
             LgspAxisClient receiver = LgspTestData.system2(sandbox)) {
            SendResult r = sender.send(LgspTestData.document(LgspTestData.SYSTEM_1, LgspTestData.SYSTEM_2, "704"));
            assertEquals(Optional.empty(), r.archive());
            byte[] got = fetched(receiver, r.docId());
            assertEquals(got.length, r.size());
            assertEquals(sha256(got), r.sha256());
        }
    }

    @Test
    void anArchiveOutsideAnExistingDirectoryIsRefusedBeforeSending() {
        int before = sandbox.vdxp().storedPackages();
        try (VdxpAxisClient sender = VdxpFixtures.system1(sandbox)) {
            DocumentPackage doc = VdxpFixtures.document(VdxpFixtures.ngheAn(), "705");
            ValidationException e = assertThrows(ValidationException.class,
                    () -> sender.send(doc, RequestOptions.DEFAULT, dir.resolve("missing").resolve("sent.edxml")));
            assertEquals("archive", e.errors().get(0).path());
            assertThrows(ValidationException.class, () -> sender.send(doc, RequestOptions.DEFAULT, dir));
            assertThrows(ValidationException.class, () -> sender.send(doc, RequestOptions.DEFAULT, null));
        }
        assertEquals(before, sandbox.vdxp().storedPackages());
    }

    private static void assertArchived(SendResult r, Path archive) throws IOException {
        assertEquals(Optional.of(archive), r.archive());
        byte[] archived = Files.readAllBytes(archive);
        assertEquals(archived.length, r.size());
        assertEquals(sha256(archived), r.sha256());
        assertTrue(new String(archived, StandardCharsets.US_ASCII).contains("<!-- nonce "), "signed bytes archived");
        assertFalse(Files.list(archive.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".part")),
                "no partial file is left behind");
    }

    private static byte[] fetched(DocumentAxisClient receiver, String docId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        receiver.fetchTo(docId, out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
