package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.EgovException;

/**
 * Hostile and broken input: each is answered by a subclass of EgovException within a couple of seconds and bounded
 * memory, never an untyped exception, a hang or an OutOfMemoryError.
 */
class EdXmlHostileInputTest {
    private static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private static EdXmlFormatException refused(String doc) {
        return refused(doc.getBytes(StandardCharsets.UTF_8));
    }

    private static EdXmlFormatException refused(byte[] doc) {
        return assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertThrows(EdXmlFormatException.class,
                () -> EdXml.read(new ByteArrayInputStream(doc))));
    }

    private static String wrap(String inner) {
        return "<edXML xmlns='" + NS + "'>" + inner + "</edXML>";
    }

    @Test
    void externalEntityIsRefused() {
        refused("<?xml version='1.0'?><!DOCTYPE edXML [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>"
                + wrap("<edXML:edXMLEnvelope xmlns:edXML='" + NS + "'>&x;</edXML:edXMLEnvelope>"));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE edXML [<!ENTITY l0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" '").append(("&l" + (i - 1) + ";").repeat(10)).append("'>");
        }
        refused(dtd + "]>" + wrap("&l9;"));
    }

    @Test
    void externalDtdIsRefusedWithoutNetworkAccess() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            refused("<?xml version='1.0'?><!DOCTYPE edXML SYSTEM 'http://127.0.0.1:" + listener.getLocalPort()
                    + "/edxml.dtd'>" + wrap(""));
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection was attempted");
        }
    }

    @Test
    void deepNestingIsRefused() {
        int depth = 200_000;
        refused(wrap("<edXML:edXMLEnvelope xmlns:edXML='" + NS + "'>" + "<a>".repeat(depth) + "</a>".repeat(depth)
                + "</edXML:edXMLEnvelope>"));
        refused(wrap("<AttachmentEncoded><Attachment>" + "<a>".repeat(depth) + "</a>".repeat(depth)
                + "</Attachment></AttachmentEncoded>"));
    }

    @Test
    void truncatedPackagesAreRefused() throws Exception {
        byte[] whole = new GeneratedPackageStream(4000).readAllBytes();
        for (int cut : new int[] {10, 200, GeneratedPackageStream.HEAD.length() - 5,
                GeneratedPackageStream.HEAD.length() + 1001, whole.length - 10}) {
            EdXmlFormatException e = refused(java.util.Arrays.copyOf(whole, cut));
            assertTrue(e.getMessage().length() > 20, e.getMessage());
        }
    }

    @Test
    void bytesThatAreNotXmlAreRefused() {
        refused("%PDF-1.7\n%âãÏÓ");
        refused("");
        refused(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3});
        refused("{\"edXML\": true}");
    }

    @Test
    void wrongNamespaceIsRefusedNamingIt() {
        EdXmlFormatException e = refused("<edXML xmlns='http://example.com/other'><x/></edXML>");
        assertTrue(e.getMessage().contains("http://example.com/other"), e.getMessage());
        refused("<other xmlns='" + NS + "'/>");
        refused("<edXML/>");
    }

    @Test
    void missingEnvelopeIsRefused() {
        EdXmlFormatException e = refused(wrap(""));
        assertEquals("edXMLEnvelope", e.path());
    }

    @Test
    void invalidBase64IsRefusedNamingTheAttachment() {
        String head = GeneratedPackageStream.HEAD;
        String tail = GeneratedPackageStream.TAIL;
        refused(head + "AAAA\u0007AAA" + tail); // not even XML: a control character
        for (String bad : List.of("AAA*AAAA", "AAAAA", "AA==AAAA", "AAAA\u00a0AAA", "QUJD\u00e9")) {
            EdXmlFormatException e = refused(head + bad + tail);
            assertEquals("Attachments[1].ContentTransferEncoded", e.path(), bad);
            assertTrue(e.getMessage().contains("base64"), e.getMessage());
        }
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        String doc = GeneratedPackageStream.HEAD.replace("<edXML:BussinessDocType>0", "<edXML:BussinessDocType>x")
                + "AAAA" + GeneratedPackageStream.TAIL;
        assertEquals("TraceHeaderList.Bussiness.BussinessDocType", refused(doc).path());
        String doc2 = GeneratedPackageStream.HEAD.replace("<edXML:BussinessDocType>0", "<edXML:BussinessDocType>9")
                + "AAAA" + GeneratedPackageStream.TAIL;
        assertTrue(refused(doc2).getMessage().contains("found 9"));
    }

    @Test
    void attachmentOverTheLimitIsRefusedEarly(@TempDir Path tmp) throws Exception {
        long start = System.nanoTime();
        EdXmlReadOptions options = EdXmlReadOptions.builder().maxAttachmentBytes(1_000_000).tempDirectory(tmp)
                .build();
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class,
                () -> EdXml.read(new GeneratedPackageStream(4L << 30), options));
        assertTrue(e.getMessage().contains("maxAttachmentBytes"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "stopped at the limit, not at the end");
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "the temporary file is deleted when reading fails");
        }
    }

    @Test
    void headerTextOverTheLimitIsRefused() {
        EdXmlReadOptions options = EdXmlReadOptions.builder().maxHeaderChars(10_000).build();
        String doc = wrap("<edXML:edXMLEnvelope xmlns:edXML='" + NS + "'><edXML:edXMLHeader><edXML:MessageHeader>"
                + "<edXML:Subject>" + "x".repeat(20_000) + "</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader>"
                + "</edXML:edXMLEnvelope>");
        assertThrows(EdXmlFormatException.class,
                () -> EdXml.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), options));
    }

    @Test
    void everyFailureIsAnEgovException() {
        for (String doc : List.of("<", "<edXML xmlns='" + NS + "'>", "<?xml version='9'?><a/>", "<a b='1' b='2'/>")) {
            assertThrows(EgovException.class, () -> EdXml.read(new ByteArrayInputStream(
                    doc.getBytes(StandardCharsets.UTF_8))), doc);
        }
    }

    @Test
    void streamsThatFailWhileReadingAreTypedErrors() {
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws java.io.IOException {
                if (n++ > 50) {
                    throw new java.io.IOException("disk on fire");
                }
                return GeneratedPackageStream.HEAD.charAt(n);
            }
        };
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> EdXml.read(failing));
        assertTrue(e.getMessage().length() > 0);
    }
}
