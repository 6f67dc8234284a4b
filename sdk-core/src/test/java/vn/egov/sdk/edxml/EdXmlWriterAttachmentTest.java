package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.child;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.children;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.parse;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.EdXmlWriter;

/** Attachments are base64-encoded on one line, streamed, and decode to the original bytes. */
class EdXmlWriterAttachmentTest {
    private static final int BLOCK = 48 * 1024;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static DocumentPackage documentWith(List<Attachment> attachments) {
        return EdXmlPackages.newDocument(EdXmlWriterTestData.header(), EdXmlWriterTestData.clerk(), attachments,
                EdXmlWriterTestData.CLOCK);
    }

    private static Attachment attachment(int i, AttachmentContent content) {
        return new Attachment("cid:" + i, "file" + i + ".bin", "", "application/octet-stream", content);
    }

    private static List<byte[]> decodedAttachments(byte[] written) {
        List<byte[]> out = new ArrayList<>();
        Element encoded = child(parse(written).getDocumentElement(), "AttachmentEncoded");
        for (Element a : children(encoded)) {
            String text = child(a, "ContentTransferEncoded").getTextContent();
            assertFalse(text.contains("\n") || text.contains("\r") || text.contains(" "), "one unbroken line");
            out.add(Base64.getDecoder().decode(text));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, BLOCK - 1, BLOCK, BLOCK + 1, BLOCK + 2, 3 * BLOCK, 3 * BLOCK + 2})
    void base64DecodesToTheOriginalBytesAtEveryBlockBoundary(int size) {
        byte[] bytes = random(size, size);
        byte[] written = write(documentWith(List.of(attachment(1, AttachmentContent.ofBytes(bytes)))));
        assertArrayEquals(bytes, decodedAttachments(written).get(0));
        String xml = new String(written, StandardCharsets.US_ASCII);
        assertTrue(xml.contains("<edXML:ContentTransferEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
                + Base64.getEncoder().encodeToString(bytes) + "</edXML:ContentTransferEncoded>\n"));
    }

    @Test
    void fiveMegabyteFileIsStreamedIntact(@TempDir Path dir) throws IOException {
        byte[] bytes = random(5 * 1024 * 1024 + 7, 42);
        Path file = dir.resolve("big.bin");
        Files.write(file, bytes);
        Path out = dir.resolve("package.edxml");
        DocumentPackage pkg = documentWith(List.of(attachment(1, AttachmentContent.ofFile(file)),
                attachment(2, AttachmentContent.ofBytes(EdXmlWriterTestData.SMALL_PDF))));
        try (OutputStream os = Files.newOutputStream(out)) {
            EdXml.write(pkg, os);
        }
        List<byte[]> decoded = decodedAttachments(Files.readAllBytes(out));
        assertEquals(2, decoded.size());
        assertArrayEquals(bytes, decoded.get(0));
        assertArrayEquals(EdXmlWriterTestData.SMALL_PDF, decoded.get(1));
        assertTrue(Files.exists(file), "the caller's file is left alone");
    }

    @Test
    void shortReadsDoNotBreakTheEncoding() {
        byte[] bytes = random(3 * BLOCK + 100, 7);
        AtomicInteger closed = new AtomicInteger();
        AttachmentContent trickle = new AttachmentContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new InputStream() {
                    private int pos;

                    @Override
                    public int read() {
                        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (pos == bytes.length) {
                            return -1;
                        }
                        int n = Math.min(Math.min(len, 1 + pos % 1000), bytes.length - pos);
                        System.arraycopy(bytes, pos, b, off, n);
                        pos += n;
                        return n;
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            }
        };
        assertArrayEquals(bytes, decodedAttachments(write(documentWith(List.of(attachment(1, trickle))))).get(0));
        assertEquals(1, closed.get(), "opened once (the checking pass reads no content) and closed");
    }

    @Test
    void unreadableContentIsRefusedBeforeAnythingIsWritten() {
        DocumentPackage pkg = documentWith(List.of(attachment(1, AttachmentContent.ofBytes(new byte[3])),
                attachment(2, AttachmentContent.deliveredToSink(10))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValidationException e = assertThrows(ValidationException.class, () -> EdXml.write(pkg, out));
        assertEquals("Attachments[2].ContentTransferEncoded", e.errors().get(0).path());
        assertEquals("edxml.attachment.unreadable", e.errors().get(0).code());
        assertEquals(0, out.size());
    }

    @Test
    void failingContentIsAnEgovExceptionOfTheCaller() {
        AttachmentContent broken = new AttachmentContent() {
            @Override
            public long size() {
                return 10;
            }

            @Override
            public InputStream openStream() {
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                };
            }
        };
        EgovException e = assertThrows(EgovException.class,
                () -> new EdXmlWriter().write(documentWith(List.of(attachment(1, broken))), new ByteArrayOutputStream()));
        assertEquals(EgovException.class, e.getClass());
        assertEquals(Fault.CALLER, e.fault());
        assertTrue(e.getMessage().contains("Attachments[1]"), e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
    }

    @Test
    void missingFileIsAnEgovException(@TempDir Path dir) {
        DocumentPackage pkg = documentWith(List.of(attachment(1, AttachmentContent.ofFile(dir.resolve("gone")))));
        EgovException e = assertThrows(EgovException.class, () -> write(pkg));
        assertNotEquals(ValidationException.class, e.getClass());
        assertEquals(Fault.CALLER, e.fault());
    }
}
