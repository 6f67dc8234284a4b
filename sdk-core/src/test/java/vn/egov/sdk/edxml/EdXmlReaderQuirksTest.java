package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world quirks, read with attachment base64 bypassing the parser (UTF-8) and without the bypass (the same
 * document in UTF-16, which the parser reads whole): both must give the same package.
 */
class EdXmlReaderQuirksTest {
    private static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final String HEADER = "<edXML:edXMLEnvelope xmlns:edXML='" + NS + "'><edXML:edXMLHeader>"
            + "<edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>"
            + "<edXML:To><edXML:OrganId>vxp.saas.03</edXML:OrganId></edXML:To>"
            + "<edXML:Subject>V/v &lt;thử&gt; &amp; “kiểm tra”</edXML:Subject>"
            + "<edXML:Vendor xmlns:edXML='" + NS + "' kind='x'><edXML:Flag>1</edXML:Flag></edXML:Vendor>"
            + "</edXML:MessageHeader><edXML:TraceHeaderList id='t1' version='1.0'><edXML:Bussiness>"
            + "<edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness></edXML:TraceHeaderList>"
            + "<Signature xmlns='http://www.w3.org/2000/09/xmldsig#'><SignedInfo/></Signature>"
            + "</edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version='1.0'>"
            + "<edXML:Reference xmlns:xlink='http://www.w3.org/1999/xlink' xlink:href='cid:1' xlink:type='simple'>"
            + "<edXML:ContentId>cid:1</edXML:ContentId><edXML:AttachmentName>a.txt</edXML:AttachmentName>"
            + "</edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>";

    private static String pkg(String attachmentSection) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n<edXML xmlns='" + NS + "'>" + HEADER + attachmentSection
                + "</edXML>";
    }

    private static DocumentPackage read(byte[] bytes) {
        return assertInstanceOf(DocumentPackage.class, EdXml.read(new ByteArrayInputStream(bytes)));
    }

    private static DocumentPackage read(String doc) {
        return read(doc.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf16(String doc) {
        return doc.replace("encoding='UTF-8'", "encoding='UTF-16'").getBytes(StandardCharsets.UTF_16);
    }

    private static String text(Attachment a) throws Exception {
        try (InputStream in = a.content().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void unprefixedAndPrefixedContentTransferEncodedBothWorkOnBothPaths() throws Exception {
        String unprefixed = pkg("<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
                + "<AttachmentName>a.txt</AttachmentName><ContentType>text/plain</ContentType>"
                + "<ContentTransferEncoded>eGluIGNow6Bv</ContentTransferEncoded></Attachment></AttachmentEncoded>");
        String prefixed = unprefixed.replace("<ContentTransferEncoded>", "<edXML:ContentTransferEncoded xmlns:edXML='"
                + NS + "'>").replace("</ContentTransferEncoded>", "</edXML:ContentTransferEncoded>");
        for (String doc : List.of(unprefixed, prefixed)) {
            DocumentPackage fast = read(doc);
            DocumentPackage general = read(utf16(doc));
            assertEquals("xin chào", text(fast.attachments().get(0)));
            assertEquals(fast, general);
        }
    }

    @Test
    void whitespaceLineBreaksReferencesCommentsAndCdataInsideBase64() throws Exception {
        String doc = pkg("<AttachmentEncoded><!-- first --><Attachment>\n  <ContentTransferEncoded>\n"
                + "  eGlu&#13;&#10;IGNo<!-- split -->w6Bv\n  </ContentTransferEncoded><ContentId>cid:1</ContentId>"
                + "<Description/><AttachmentName><![CDATA[a.txt]]></AttachmentName></Attachment>"
                + "<?vendor note?></AttachmentEncoded>");
        DocumentPackage fast = read(doc);
        assertEquals("xin chào", text(fast.attachments().get(0)));
        assertEquals("cid:1", fast.attachments().get(0).contentId(), "ContentId after the content is fine");
        assertEquals("a.txt", fast.attachments().get(0).name());
        assertEquals(fast, read(utf16(doc)));
        DocumentPackage cdata = read(pkg("<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
                + "<ContentTransferEncoded><![CDATA[eGluIGNow6Bv]]></ContentTransferEncoded></Attachment>"
                + "</AttachmentEncoded>"));
        assertEquals("xin chào", text(cdata.attachments().get(0)));
    }

    @Test
    void extensionsSignatureAndAttributesAreKept() {
        DocumentPackage doc = read(pkg(""));
        XmlElement vendor = doc.header().extensions().get(0);
        assertEquals("Vendor", vendor.localName());
        assertEquals("x", vendor.attributes().get("kind"));
        assertEquals("Flag", vendor.children().get(0).localName());
        assertEquals("1", vendor.children().get(0).text());
        assertEquals("http://www.w3.org/2000/09/xmldsig#", doc.signature().orElseThrow().namespace());
        assertEquals("cid:1", doc.manifest().get(0).attributes().get("xlink:href"));
        assertEquals("t1", doc.trace().attributes().get("id"));
        assertEquals("V/v <thử> & “kiểm tra”", doc.header().subject());
        assertTrue(!doc.header().to().get(0).organId().isConforming());
        assertEquals(doc, read(utf16(pkg(""))));
    }

    @Test
    void extensionsAndSignatureSurviveWriting() {
        DocumentPackage doc = read(pkg(""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(doc, out);
        assertEquals(doc, read(out.toByteArray()));
    }

    @Test
    void strictReadingRefusesUnknownElements() {
        EdXmlReadOptions strict = EdXmlReadOptions.builder().strict(true).build();
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> EdXml.read(
                new ByteArrayInputStream(pkg("").getBytes(StandardCharsets.UTF_8)), strict));
        assertEquals("MessageHeader.Vendor", e.path());
    }

    @Test
    void attachmentsAboveTheThresholdGoToATemporaryFileDeletedOnClose(@TempDir Path tmp) throws Exception {
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);
        String doc = pkg("<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>"
                + java.util.Base64.getMimeEncoder().encodeToString(big)
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>");
        EdXmlReadOptions options = EdXmlReadOptions.builder().inMemoryThreshold(100_000).tempDirectory(tmp).build();
        DocumentPackage pkg = (DocumentPackage) EdXml.read(new ByteArrayInputStream(
                doc.getBytes(StandardCharsets.UTF_8)), options);
        Path file = pkg.attachments().get(0).content().file().orElseThrow();
        assertEquals(tmp, file.getParent());
        try (InputStream in = pkg.attachments().get(0).content().openStream()) {
            assertArrayEquals(big, in.readAllBytes());
        }
        pkg.close();
        assertTrue(Files.notExists(file));
    }

    @Test
    void aCallerSinkReceivesTheBytesAndNothingIsKept() {
        Map<String, ByteArrayOutputStream> received = new HashMap<>();
        AttachmentSink sink = (contentId, name) -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            received.put(contentId, b);
            return (OutputStream) b;
        };
        String doc = pkg("<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>"
                + "eGluIGNow6Bv</ContentTransferEncoded></Attachment></AttachmentEncoded>");
        DocumentPackage pkg = (DocumentPackage) EdXml.read(new ByteArrayInputStream(
                doc.getBytes(StandardCharsets.UTF_8)), EdXmlReadOptions.builder().sink(sink).build());
        assertEquals("xin chào", received.get("cid:1").toString(StandardCharsets.UTF_8));
        assertEquals(9, pkg.attachments().get(0).content().size());
        assertTrue(!pkg.attachments().get(0).content().isReadable());
        assertThrows(vn.egov.sdk.core.ValidationException.class,
                () -> pkg.attachments().get(0).content().openStream());
    }

    @Test
    void malformedAttachmentSectionsAreTypedErrors() {
        for (String section : List.of("<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId></Attachment>"
                        + "</AttachmentEncoded>",
                "<AttachmentEncoded><Attachment><ContentTransferEncoded>AAAA</Wrong></Attachment></AttachmentEncoded>",
                "<AttachmentEncoded><Attachment><ContentTransferEncoded>AA&foo;AA</ContentTransferEncoded>"
                        + "</Attachment></AttachmentEncoded>",
                "<AttachmentEncoded><Attachment><p:ContentId>x</p:ContentId></Attachment></AttachmentEncoded>",
                "<AttachmentEncoded>text<Attachment/></AttachmentEncoded>",
                "<AttachmentEncoded><Attachment><ContentId>\u0001</ContentId><ContentTransferEncoded>AAAA"
                        + "</ContentTransferEncoded></Attachment></AttachmentEncoded>")) {
            String doc = pkg(section);
            assertThrows(EdXmlFormatException.class, () -> read(doc), section);
            assertThrows(EdXmlFormatException.class, () -> read(utf16(doc)), "general path: " + section);
        }
        assertThrows(EdXmlFormatException.class, () -> read(pkg("") + "trailing"));
        assertThrows(EdXmlFormatException.class, () -> read(pkg("").replace("</edXML>", "</other>")));
    }

    private static String section(String base64) {
        return "<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><edXML:ContentTransferEncoded xmlns:edXML='"
                + NS + "'>" + base64 + "</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded>";
    }

    private static byte[] bytesOf(Attachment a) throws Exception {
        try (InputStream in = a.content().openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void largeAttachmentsDecodeTheSameWhetherCleanLineBrokenOrBrokenHalfway() throws Exception {
        byte[] data = new byte[1_000_003];
        new java.util.Random(11).nextBytes(data);
        String clean = java.util.Base64.getEncoder().encodeToString(data);
        String mime = java.util.Base64.getMimeEncoder().encodeToString(data);
        String halfway = clean.substring(0, 600_000) + "\r\n  " + clean.substring(600_000);
        for (String b64 : List.of(clean, mime, halfway, clean + "\n")) {
            DocumentPackage fast = read(pkg(section(b64)));
            assertArrayEquals(data, bytesOf(fast.attachments().get(0)));
            assertEquals(fast, read(utf16(pkg(section(b64)))), "both paths agree");
            fast.close();
        }
    }

    @Test
    void errorsInLaterBlocksAreFoundOnTheFastPathToo() {
        byte[] data = new byte[900_000];
        String clean = java.util.Base64.getEncoder().encodeToString(data);
        String badChar = clean.substring(0, 700_001) + "*" + clean.substring(700_002);
        String earlyPadding = clean.substring(0, 262_140) + "AA==" + clean.substring(262_144);
        String truncated = clean.substring(0, clean.length() - 3);
        for (String b64 : List.of(badChar, earlyPadding, truncated)) {
            EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> read(pkg(section(b64))));
            assertEquals("Attachments[1].ContentTransferEncoded", e.path(), e.getMessage());
        }
    }
}
