package vn.egov.sdk.edxml.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlReadOptions;

/**
 * The bypass really carries attachment base64 past the parser on this JDK (the speed of large packages depends on
 * it), and steps aside whenever it cannot prove the parser stands where it thinks.
 */
class Base64BypassTest {
    private static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private static String pkg(String attachments, String encoding) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<edXML xmlns=\"" + NS + "\"><edXML:edXMLEnvelope"
                + " xmlns:edXML=\"" + NS + "\"><edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>"
                + "000.00.00.G22</edXML:OrganId></edXML:From><edXML:Subject>a &gt; b <![CDATA[<ContentTransferEncoded>]]>"
                + "</edXML:Subject><!-- <ContentTransferEncoded> --><?pi <ContentTransferEncoded>?></edXML:MessageHeader>"
                + "</edXML:edXMLHeader></edXML:edXMLEnvelope>" + attachments + "</edXML>";
    }

    private static String attachment(String id, String attrs, String base64) {
        return "<Attachment><ContentId>" + id + "</ContentId><edXML:ContentTransferEncoded xmlns:edXML=\"" + NS + "\""
                + attrs + ">" + base64 + "</edXML:ContentTransferEncoded></Attachment>";
    }

    private static final class Read {
        final DocumentPackage pkg;
        final long bypassed;

        Read(byte[] bytes) {
            EdXmlReader reader = new EdXmlReader(EdXmlReadOptions.defaults());
            this.pkg = (DocumentPackage) reader.read(new ByteArrayInputStream(bytes));
            this.bypassed = reader.bypassedBytes();
        }
    }

    private static byte[] content(DocumentPackage pkg, int i) throws Exception {
        try (InputStream in = pkg.attachments().get(i).content().openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void attachmentBase64GoesPastTheParser() throws Exception {
        byte[] a = new byte[700_000];
        byte[] b = new byte[5];
        new Random(3).nextBytes(a);
        new Random(4).nextBytes(b);
        String b64a = Base64.getEncoder().encodeToString(a);
        String b64b = Base64.getMimeEncoder().encodeToString(b) + "\r\n";
        String doc = pkg("<AttachmentEncoded>" + attachment("cid:1", " a='x>y' b=\"/>\"", b64a)
                + attachment("cid:2", "", b64b) + "</AttachmentEncoded>", "UTF-8");
        Read read = new Read(doc.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(a, content(read.pkg, 0));
        assertArrayEquals(b, content(read.pkg, 1));
        assertEquals(b64a.length() + b64b.length(), read.bypassed);
    }

    @Test
    void aDeclarationWithMoreAfterTheEncodingStillLetsBase64Bypass() throws Exception {
        byte[] a = "standalone".getBytes(StandardCharsets.US_ASCII);
        String doc = pkg("<AttachmentEncoded>" + attachment("cid:1", "", Base64.getEncoder().encodeToString(a))
                + "</AttachmentEncoded>", "UTF-8").replace("encoding=\"UTF-8\"?>", "encoding='UTF-8' standalone=\"yes\"?>");
        Read read = new Read(doc.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(a, content(read.pkg, 0));
        assertTrue(read.bypassed > 0);
    }

    @Test
    void theParserReadsWhatFollowsTheFirstNonBase64Byte() throws Exception {
        byte[] a = "xin chào, bypass".getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(a);
        String split = b64.substring(0, 8) + "&#x" + Integer.toHexString(b64.charAt(8)) + ";" + b64.substring(9);
        String cdata = b64.substring(0, 4) + "<![CDATA[" + b64.substring(4, 12) + "]]><!-- c -->" + b64.substring(12);
        String leadingReference = "&#" + (int) b64.charAt(0) + ";" + b64.substring(1);
        for (String text : List.of(split, cdata, leadingReference)) {
            String doc = pkg("<AttachmentEncoded>" + attachment("cid:1", "", text) + "</AttachmentEncoded>", "UTF-8");
            Read read = new Read(doc.getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(a, content(read.pkg, 0), text);
        }
    }

    @Test
    void nothingIsBypassedInAnotherEncodingOrForASelfClosingOrMisplacedElement() throws Exception {
        String b64 = Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.US_ASCII));
        String doc = pkg("<AttachmentEncoded>" + attachment("cid:1", "", b64) + "</AttachmentEncoded>",
                "ISO-8859-1");
        assertEquals(0, new Read(doc.getBytes(StandardCharsets.ISO_8859_1)).bypassed);
        String empty = pkg("<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded/>"
                + "</Attachment></AttachmentEncoded><Other><ContentTransferEncoded>QUJD</ContentTransferEncoded>"
                + "</Other>", "UTF-8");
        Read read = new Read(empty.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, read.bypassed);
        assertEquals(0, content(read.pkg, 0).length);
    }

    @Test
    void lookalikesInCommentsCdataAttributesAndTextDoNotMisleadIt() throws Exception {
        String b64 = Base64.getEncoder().encodeToString("real".getBytes(StandardCharsets.US_ASCII));
        String tricky = "<AttachmentEncoded><!-- <ContentTransferEncoded>QUJD --><Attachment x='>ContentTransferEncoded>'"
                + "><ContentId>cid:1</ContentId><Description>&lt;ContentTransferEncoded&gt;QUJD</Description>"
                + attachment("cid:2", "", b64).substring("<Attachment><ContentId>cid:2</ContentId>".length())
                + "</AttachmentEncoded>";
        Read read = new Read(pkg(tricky, "UTF-8").getBytes(StandardCharsets.UTF_8));
        assertEquals("real", new String(content(read.pkg, 0), StandardCharsets.US_ASCII));
        assertEquals("<ContentTransferEncoded>QUJD", read.pkg.attachments().get(0).description());
        assertTrue(read.bypassed > 0);
    }
}
