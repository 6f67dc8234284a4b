package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipAttachmentsTest {
    private static byte[] zip(String[] names, byte[][] contents) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                z.putNextEntry(new ZipEntry(names[i]));
                z.write(contents[i]);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Attachment attachment(byte[] bytes) {
        return new Attachment("cid:7", "cv.zip", "công văn", "application/zip", AttachmentContent.ofBytes(bytes));
    }

    @Test
    void unwrapsEveryFileWithSafeNames() throws Exception {
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        List<Attachment> files = ZipAttachments.unwrap(attachment(zip(new String[] {"../../etc/cv123.pdf",
                "dir\\phu-luc.docx"}, new byte[][] {pdf, new byte[10]})));
        assertEquals(2, files.size());
        assertEquals("cv123.pdf", files.get(0).name());
        assertEquals("application/pdf", files.get(0).contentType());
        assertEquals("cid:7#1", files.get(0).contentId());
        assertEquals("phu-luc.docx", files.get(1).name());
        try (InputStream in = files.get(0).content().openStream()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
        assertTrue(attachment(new byte[0]).isZipWrapped());
    }

    @Test
    void theConformanceSampleUnwraps() throws Exception {
        try (InputStream in = Files.newInputStream(Conformance.edxmlSamples().resolve("edoc_new.edxml"));
             DocumentPackage doc = (DocumentPackage) EdXml.read(in)) {
            List<Attachment> inner = ZipAttachments.unwrap(doc.attachments().get(0));
            assertEquals(1, inner.size());
            assertTrue(inner.get(0).name().endsWith(".edxml"));
            assertTrue(inner.get(0).content().size() > 100_000);
            inner.forEach(a -> a.content().release());
        }
    }

    @Test
    void zipBombsAndGarbageAreRefused(@TempDir Path tmp) throws Exception {
        byte[] bomb = zip(new String[] {"zeros.bin"}, new byte[][] {new byte[50_000_000]});
        ZipAttachments.Limits limits = new ZipAttachments.Limits(100, 256L << 20, 512L << 20, 200, 1 << 20,
                Optional.of(tmp));
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class,
                () -> ZipAttachments.unwrap(attachment(bomb), limits));
        assertTrue(e.getMessage().contains("beyond the limits"), e.getMessage());
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "temporary files removed");
        }
        assertThrows(EdXmlFormatException.class, () -> ZipAttachments.unwrap(attachment(
                "not a zip".getBytes(StandardCharsets.US_ASCII))));
        String[] many = new String[101];
        byte[][] contents = new byte[101][];
        for (int i = 0; i < many.length; i++) {
            many[i] = "f" + i;
            contents[i] = new byte[1];
        }
        assertTrue(assertThrows(EdXmlFormatException.class, () -> ZipAttachments.unwrap(attachment(
                zip(many, contents)))).getMessage().contains("more than 100"));
    }

    @Test
    void largeEntriesGoToTemporaryFiles(@TempDir Path tmp) throws Exception {
        byte[] data = new byte[3_000_000];
        new java.util.Random(1).nextBytes(data);
        List<Attachment> files = ZipAttachments.unwrap(attachment(zip(new String[] {"big.bin"}, new byte[][] {data})),
                new ZipAttachments.Limits(10, 10L << 20, 10L << 20, 200, 1 << 20, Optional.of(tmp)));
        Path file = files.get(0).content().file().orElseThrow();
        assertEquals(tmp, file.getParent());
        files.get(0).content().release();
        assertTrue(Files.notExists(file));
    }
}
