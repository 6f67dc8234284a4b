package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The reader accepts exactly what a conforming XML parser accepts, everywhere in the package (the attachment
 * section included), and reads each value as that parser does: line ends normalised, references resolved. What it
 * reads, the writer writes back.
 */
class EdXmlWellFormednessTest {
    private static final String NS = EdXmlNames.NAMESPACE;
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"" + NS + "\">"
            + "<edXML:edXMLEnvelope xmlns:edXML=\"" + NS + "\"><edXML:edXMLHeader><edXML:MessageHeader>"
            + "<edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>"
            + "<edXML:Subject>SUBJECT</edXML:Subject></edXML:MessageHeader><edXML:TraceHeaderList><edXML:Bussiness>"
            + "<edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness></edXML:TraceHeaderList>"
            + "</edXML:edXMLHeader></edXML:edXMLEnvelope>";

    private static byte[] doc(String subject, String attachments) {
        return (HEAD.replace("SUBJECT", subject) + attachments + "</edXML>").getBytes(StandardCharsets.UTF_8);
    }

    private static String attachment(String description, String content) {
        return "<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><Description>" + description
                + "</Description><ContentTransferEncoded>" + content + "</ContentTransferEncoded></Attachment>"
                + "</AttachmentEncoded>";
    }

    private static DocumentPackage read(byte[] bytes) {
        return (DocumentPackage) EdXml.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] content(DocumentPackage pkg) throws Exception {
        try (InputStream in = pkg.attachments().get(0).content().openStream()) {
            return in.readAllBytes();
        }
    }

    /** Malformed attachment sections the hand-written parser used to accept, and their neighbours. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<AttachmentEncoded><Unknown><a></b></Unknown></AttachmentEncoded>",
        "<AttachmentEncoded><Attachment id='1' id='2'><ContentTransferEncoded>QUJD</ContentTransferEncoded>"
                + "</Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><ContentTransferEncoded a='1' a='1'>QUJD</ContentTransferEncoded>"
                + "</Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><p:Attachment><ContentTransferEncoded>QUJD</ContentTransferEncoded></p:Attachment>"
                + "</AttachmentEncoded>",
        "<AttachmentEncoded><Attachment q:x='1'><ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>"
                + "</AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><Description>&#xD800;</Description><ContentTransferEncoded>QUJD"
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><Description>&#0;</Description><ContentTransferEncoded>QUJD"
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><Description>a ]]> b</Description><ContentTransferEncoded>QUJD"
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><!-- a -- b --><Attachment><ContentTransferEncoded>QUJD</ContentTransferEncoded>"
                + "</Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><?xml version='1.0'?><Attachment><ContentTransferEncoded>QUJD"
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>",
        "<AttachmentEncoded xmlns:p=''><Attachment><ContentTransferEncoded>QUJD</ContentTransferEncoded>"
                + "</Attachment></AttachmentEncoded>",
        "<AttachmentEncoded xmlns:xml='urn:other'><Attachment><ContentTransferEncoded>QUJD"
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><ContentTransferEncoded>QU&#1;JD</ContentTransferEncoded></Attachment>"
                + "</AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><ContentTransferEncoded>QUJD</ContentTransferEncoded ></Attachment >"
                + "</AttachmentEncoded><x></y>",
        "<AttachmentEncoded><Attachment><1a/><ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>"
                + "</AttachmentEncoded>",
        "<AttachmentEncoded><Attachment><ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>"
                + "</AttachmentEncoded></edXML><extra/>",
    })
    void notWellFormedIsRefusedAnywhere(String section) {
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> read(doc("s", section)));
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedEvenInsideSkippedElementsAndComments() {
        for (String where : new String[] {"<Unknown>X</Unknown>", "<!--X-->", "<Attachment><Description>X"
                + "</Description><ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>"}) {
            byte[] good = doc("s", "<AttachmentEncoded>" + where + "</AttachmentEncoded>");
            String text = new String(good, StandardCharsets.ISO_8859_1);
            int at = text.indexOf('X', text.indexOf("<AttachmentEncoded>"));
            for (byte bad : new byte[] {(byte) 0xC3, (byte) 0x80, (byte) 0xFF, (byte) 0xED}) {
                byte[] doc = good.clone();
                doc[at] = bad;
                EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> read(doc), where);
                assertTrue(e.getMessage().contains("UTF-8") || e.getMessage().contains("not well-formed"),
                        e.getMessage());
            }
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedBeforeTheParserSeesThem() {
        byte[][] sequences = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0x80}};
        for (byte[] bad : sequences) {
            String good = new String(doc("X", ""), StandardCharsets.ISO_8859_1);
            int at = good.indexOf('X');
            byte[] d = (good.substring(0, at) + new String(bad, StandardCharsets.ISO_8859_1) + good.substring(at + 1))
                    .getBytes(StandardCharsets.ISO_8859_1);
            EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> read(d));
            assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
        }
        byte[] ascii = ("<?xml version='1.0' encoding='US-ASCII'?>" + new String(doc("h\u00e9", ""),
                StandardCharsets.ISO_8859_1).substring(HEAD.indexOf('\n') + 1)).getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(EdXmlFormatException.class, () -> read(ascii)).getMessage().contains("US-ASCII"));
        byte[] declaration = "<?xml version='1.0' encoding='U\u0080F-8'?><edXML/>".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(EdXmlFormatException.class, () -> read(declaration)).getMessage()
                .contains("XML declaration"));
    }

    @Test
    void lineEndsAreNormalisedAsTheXmlParserDoes() throws Exception {
        DocumentPackage pkg = read(doc("một\r\nhai\rba\nbốn", attachment("a\r\nb\rc&#13;d&#xD;&#xA;e", "QUJD")));
        assertEquals("một\nhai\nba\nbốn", pkg.header().subject());
        assertEquals("a\nb\nc\rd\r\ne", pkg.attachments().get(0).description());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(pkg, out);
        assertEquals(pkg, read(out.toByteArray()), "what is read is written back and read again the same");
    }

    @Test
    void base64WrittenWithWellFormedDevicesIsRead() throws Exception {
        byte[] data = "xin chào, các đồng chí".getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(data);
        StringBuilder refs = new StringBuilder();
        for (char c : b64.toCharArray()) {
            refs.append("&#").append((int) c).append(';');
        }
        String[] forms = {
            refs.toString(),
            "<![CDATA[" + b64 + "]]>",
            "&#x20;&#10;" + b64.substring(0, 8) + "&#13;&#10;" + b64.substring(8) + "&#9;",
            b64.substring(0, 4) + "<!-- note --><![CDATA[" + b64.substring(4, 12) + "]]>" + b64.substring(12),
            "\r\n  " + b64.substring(0, 12) + "\r\n" + b64.substring(12) + "\r\n",
        };
        for (String form : forms) {
            DocumentPackage pkg = read(doc("s", attachment("d", form)));
            assertArrayEquals(data, content(pkg), form);
        }
    }

    @Test
    void xml11IsRefusedWithTheReason() {
        byte[] doc = ("<?xml version=\"1.1\" encoding=\"UTF-8\"?>" + new String(doc("s", ""), StandardCharsets.UTF_8)
                .substring(HEAD.indexOf('\n') + 1)).getBytes(StandardCharsets.UTF_8);
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class, () -> read(doc));
        assertTrue(e.getMessage().contains("XML version 1.1"), e.getMessage());
    }

    @Test
    void aSecondEnvelopeIsRefusedNotIgnored() {
        String envelope = HEAD.substring(HEAD.indexOf("<edXML:edXMLEnvelope"));
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class,
                () -> read(doc("s", envelope.replace("SUBJECT", "forged"))));
        assertEquals("edXMLEnvelope", e.path());
    }
}
