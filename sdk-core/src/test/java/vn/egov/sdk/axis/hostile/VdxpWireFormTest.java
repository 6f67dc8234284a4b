package vn.egov.sdk.axis.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.axis.hostile.HostileAnswers.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClientBuilder;
import vn.egov.sdk.axis.VdxpHashFormat;
import vn.egov.sdk.axis.VdxpUploadForm;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;

/**
 * What {@link VdxpAxisClient} puts on the wire, captured byte for byte: by default the official client's form of
 * {@code sendEdoc} (as captured byte for byte from the official client SDKVXP 2.0.1); the multipart form and the zero-padded hash when the
 * builder asks for them; an empty {@code application/json} body on the other POSTs.
 */
class VdxpWireFormTest {
    private static final Clock CLOCK = Clock.systemUTC();

    private final List<HostileServer.Request> seen = new CopyOnWriteArrayList<>();
    private HostileServer server;

    @BeforeEach
    void start() throws IOException {
        server = new HostileServer(r -> {
            seen.add(r);
            return json(200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\",\"DocId\":\"d-1\",\"data\":[]}");
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void byDefaultSendEdocIsTheOfficialClientsRawFileThenCrlfWithTheUnpaddedHash() {
        DocumentPackage doc = documentWithAShortHash();
        byte[] file = bytes(doc);
        try (VdxpAxisClient axis = client().build()) {
            assertEquals("d-1", axis.send(doc).docId());
        }

        HostileServer.Request sent = seen.get(0);
        assertEquals("/vdxp/sendEdoc", sent.path());
        assertArrayEquals(concat(file, "\r\n".getBytes(StandardCharsets.US_ASCII)), sent.body(),
                "the raw file then CRLF, nothing else");
        assertEquals("application/octet-stream", sent.headers().get("content-type"));
        assertEquals("application/octet-stream", sent.headers().get("xroadvnpt-content-type"));
        String hash = sent.headers().get("xroadvnpt-hash-file");
        assertEquals(unpadded(sha256(file)), hash);
        assertTrue(hash.length() < 64, "a byte below 0x10 is one digit: " + hash);
        assertEquals("000.00.00.G22", sent.headers().get("xroadvnpt-from"));
        assertEquals("eDoc", sent.headers().get("xroadvnpt-servicetype"));
        assertEquals("edoc", sent.headers().get("xroadvnpt-messagetype"));
        assertEquals("vxp.test.01", sent.headers().get("xroadvnpt-systemid"));
        assertTrue(sent.headers().get("xroadvnpt-timestamp").matches("\\d{8}T\\d{6}\\+0\\d{3}"));
        assertEquals(Set.of("Content-Type", "timestamp", "systemid", "from", "servicetype", "messagetype",
                "hash-file"), Set.of(sent.headers().get("xroadvnpt-sign-header-key").split(";")),
                "the official client's signed header set");
        assertEquals("3.0.201608", sent.headers().get("xroadvnpt-version"));
        assertEquals("JAVASDKAgent/1.0.0 XRoad/VPCP", sent.headers().get("user-agent"));
    }

    @Test
    void theMultipartFormAndTheZeroPaddedHashAreThereWhenAskedFor() {
        DocumentPackage doc = documentWithAShortHash();
        byte[] file = bytes(doc);
        try (VdxpAxisClient axis = client().uploadForm(VdxpUploadForm.MULTIPART)
                .hashFormat(VdxpHashFormat.ZERO_PADDED).build()) {
            axis.send(doc);
        }

        HostileServer.Request sent = seen.get(0);
        assertTrue(sent.headers().get("content-type").startsWith("multipart/form-data; boundary="));
        String body = new String(sent.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("name=\"" + VdxpAxisClient.FILE_PART + "\""), body);
        assertTrue(body.contains(new String(file, StandardCharsets.UTF_8)));
        assertEquals(java.util.HexFormat.of().formatHex(sha256(file)), sent.headers().get("xroadvnpt-hash-file"));
    }

    @Test
    void theOtherPostsCarryAnEmptyJsonBodyAsTheOfficialClientSendsThem() {
        try (VdxpAxisClient axis = client().build()) {
            axis.listReceived(MessageType.EDOC);
        }

        HostileServer.Request list = seen.get(0);
        assertEquals("POST", list.method());
        assertEquals(0, list.body().length);
        assertEquals("application/json", list.headers().get("content-type"));
        assertEquals("application/json", list.headers().get("xroadvnpt-content-type"));
        assertFalse(list.headers().containsKey("xroadvnpt-hash-file"));
    }

    private VdxpAxisClientBuilder client() {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(server.baseUrl() + "/vdxp")
                .clock(CLOCK).sleeper(d -> { }).build()).systemId("vxp.test.01")
                .secret(Secret.of("s3cret"));
    }

    private static DocumentPackage documentWithAShortHash() {
        for (int i = 0; ; i++) {
            DocumentPackage doc = document("w-" + i);
            if (unpadded(sha256(bytes(doc))).length() < 64) {
                return doc;
            }
        }
    }

    private static DocumentPackage document(String number) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code(number, "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .subject("V/v thử nghiệm")
                .build();
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@example.gov.vn",
                "0912000001"), List.of(), CLOCK);
    }

    private static byte[] bytes(DocumentPackage doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(doc, out);
        return out.toByteArray();
    }

    /** As the official client writes it, independently of the SDK: {@code Integer.toHexString(b & 0xff)}. */
    private static String unpadded(byte[] digest) {
        StringBuilder sb = new StringBuilder();
        for (byte b : digest) {
            sb.append(Integer.toHexString(b & 0xff));
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
