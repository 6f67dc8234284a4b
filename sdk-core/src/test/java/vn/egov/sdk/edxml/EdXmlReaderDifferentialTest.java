package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.xml.SecureXml;

/**
 * Differential test of the reader against the JDK's own DOM parser, over generated packages written in the many
 * well-formed ways real senders and attackers write them (line ends CR / CRLF, character references, CDATA,
 * comments inside base64, prefixes, attributes) and over mutations of them (bytes flipped, inserted, deleted,
 * truncated). For every input:
 * <ul>
 *   <li>what the JDK parser refuses, the reader refuses;</li>
 *   <li>what the reader accepts, the JDK parser accepts, and every attachment field, every attachment's bytes and
 *       the subject are exactly what the JDK parser reads (line ends normalised, references resolved);</li>
 *   <li>the reader never calls "not well-formed" what the JDK parser accepts;</li>
 *   <li>the same document re-encoded in UTF-16 (so no byte of it bypasses the parser) gives the same outcome;</li>
 *   <li>what the reader accepts, the writer writes and the reader reads back equal;</li>
 *   <li>nothing is printed on the console (the JDK's parsers print {@code [Fatal Error]} for some bytes).</li>
 * </ul>
 * Seeds are reported on failure.
 */
class EdXmlReaderDifferentialTest {
    private static final String NS = EdXmlNames.NAMESPACE;
    private static final int CASES = 2500;
    private static final String TEXT = "abc XYZ 019 ./-_,;:() ăâđêôơư ÁÀẢÃẠ漢🙂\u00a0";

    @Test
    void theReaderReadsExactlyWhatTheJdkParserReads() throws Exception {
        int accepted = 0;
        int mutatedAccepted = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = 0xD1FF_0000L + i;
            Random r = new Random(seed);
            byte[] doc = generate(r, i % 97 == 0);
            boolean mutate = i % 3 != 0;
            if (mutate) {
                doc = mutate(r, doc);
            }
            boolean ok = withoutPrinting(doc, seed, !mutate);
            accepted += ok ? 1 : 0;
            mutatedAccepted += ok && mutate ? 1 : 0;
        }
        assertTrue(accepted > CASES / 3, "too few accepted inputs to mean anything: " + accepted);
        assertTrue(mutatedAccepted > 40, "too few accepted mutations: " + mutatedAccepted);
    }

    /** Checks one input, and that nothing was printed on the console meanwhile (the SDK never prints). */
    private static boolean withoutPrinting(byte[] doc, long seed, boolean mustAccept) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        boolean accepted;
        try {
            accepted = check(doc, seed, mustAccept);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "printed on the console for seed " + seed);
        return accepted;
    }

    /** Returns whether the reader accepted the input. */
    private static boolean check(byte[] doc, long seed, boolean mustAccept) throws Exception {
        String label = "seed " + seed + ":\n" + new String(doc, 0, Math.min(doc.length, 3000),
                StandardCharsets.UTF_8);
        Optional<Document> dom = dom(doc);
        EdXmlPackage pkg;
        try {
            pkg = EdXml.read(new ByteArrayInputStream(doc));
        } catch (EdXmlFormatException e) {
            if (mustAccept) {
                fail("a valid generated package was refused: " + e.getMessage() + "\n" + label);
            }
            if (dom.isPresent()) {
                assertFalse(e.getMessage().contains("not well-formed"), "the JDK parser accepts what the reader "
                        + "calls malformed: " + e.getMessage() + "\n" + label);
            }
            utf16(doc).ifPresent(u -> assertRefused(u, "UTF-16 copy of " + label));
            return false;
        }
        try (pkg) {
            assertTrue(dom.isPresent(), "the reader accepted what the JDK parser refuses\n" + label);
            DocumentPackage read = (DocumentPackage) pkg;
            compare(dom.get(), read, label);
            Optional<byte[]> u = utf16(doc);
            if (u.isPresent()) {
                try (EdXmlPackage viaParser = EdXml.read(new ByteArrayInputStream(u.get()))) {
                    assertEquals(read, viaParser, "UTF-16 copy of " + label);
                }
            }
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            EdXml.write(read, written);
            try (EdXmlPackage back = EdXml.read(new ByteArrayInputStream(written.toByteArray()))) {
                assertEquals(read, back, "write then read of " + label);
            }
        }
        return true;
    }

    private static void assertRefused(byte[] doc, String label) {
        try {
            EdXml.read(new ByteArrayInputStream(doc)).close();
            fail("the parser-only path accepted what the reader refused: " + label);
        } catch (EdXmlFormatException expected) {
            // same outcome
        }
    }

    private static void compare(Document dom, DocumentPackage pkg, String label) throws Exception {
        Element root = dom.getDocumentElement();
        Element header = child(child(child(root, "edXMLEnvelope"), "edXMLHeader"), "MessageHeader");
        Element subject = header == null ? null : child(header, "Subject");
        assertEquals(subject == null ? "" : text(subject).strip(), pkg.header().subject(), "Subject of " + label);
        List<Element> expected = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && e.getLocalName().equals("AttachmentEncoded")) {
                for (Node a = e.getFirstChild(); a != null; a = a.getNextSibling()) {
                    if (a instanceof Element att && att.getLocalName().equals("Attachment")) {
                        expected.add(att);
                    }
                }
            }
        }
        assertEquals(expected.size(), pkg.attachments().size(), "attachments of " + label);
        for (int i = 0; i < expected.size(); i++) {
            Element e = expected.get(i);
            Attachment a = pkg.attachments().get(i);
            assertEquals(leaf(e, "ContentId"), a.contentId(), label);
            assertEquals(leaf(e, "AttachmentName"), a.name(), label);
            assertEquals(leaf(e, "Description"), a.description(), label);
            assertEquals(leaf(e, "ContentType"), a.contentType(), label);
            String base64 = text(lastChild(e, "ContentTransferEncoded")).replaceAll("[ \t\r\n]", "");
            try (InputStream in = a.content().openStream()) {
                assertArrayEquals(Base64.getDecoder().decode(base64), in.readAllBytes(), "content of " + label);
            }
        }
    }

    private static String leaf(Element attachment, String name) {
        Element e = lastChild(attachment, name);
        return e == null ? "" : text(e).strip();
    }

    private static Element child(Element parent, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element lastChild(Element parent, String local) {
        Element found = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                found = e;
            }
        }
        return found;
    }

    /** Text and CDATA children, as the reader takes them (comments and processing instructions are not text). */
    private static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }

    private static Optional<Document> dom(byte[] doc) {
        try {
            return Optional.of(SecureXml.parse(new ByteArrayInputStream(doc), "differential"));
        } catch (VerificationException e) {
            return Optional.empty();
        }
    }

    /** The same document in UTF-16 (declaration rewritten), when its bytes are UTF-8. */
    private static Optional<byte[]> utf16(byte[] doc) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(doc)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (s.startsWith("\ufeff")) {
            s = s.substring(1);
        }
        if (s.startsWith("<?xml")) {
            int end = s.indexOf("?>");
            if (end < 0 || !s.substring(0, end).contains("UTF-8")) {
                return Optional.empty();
            }
            s = s.substring(0, end).replace("UTF-8", "UTF-16") + s.substring(end);
        }
        return Optional.of(s.getBytes(StandardCharsets.UTF_16));
    }

    // ---- generation -------------------------------------------------------------------------------------------

    private static byte[] generate(Random r, boolean large) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append('\ufeff');
        }
        if (r.nextInt(5) != 0) {
            sb.append(r.nextBoolean() ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" : "<?xml version='1.0'?>");
            sb.append(pick(r, "\n", "\r\n", "", "<!-- c -->\n"));
        }
        String rp = r.nextBoolean() ? "" : "r:";
        sb.append('<').append(rp).append("edXML xmlns").append(rp.isEmpty() ? "" : ":r").append("=\"").append(NS)
                .append('"').append(r.nextBoolean() ? " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'" : "")
                .append('>').append(ws(r));
        String p = pick(r, "edXML:", "e:", "");
        String decl = p.isEmpty() ? " xmlns=\"" + NS + "\"" : " xmlns:" + p.substring(0, p.length() - 1) + "=\"" + NS
                + "\"";
        sb.append('<').append(p).append("edXMLEnvelope").append(decl).append('>').append(ws(r))
                .append('<').append(p).append("edXMLHeader>")
                .append('<').append(p).append("MessageHeader>")
                .append(el(p, "From", el(p, "OrganId", "000.00.00.G22")))
                .append(el(p, "To", el(p, "OrganId", "000.00.00.H41")))
                .append(el(p, "DocumentId", "000.00.00.G22,2026/11/20,1/VPCP-T"))
                .append(el(p, "Subject", richText(r)))
                .append("</").append(p).append("MessageHeader>")
                .append(el(p, "TraceHeaderList", el(p, "Bussiness", el(p, "BussinessDocType", "0"))))
                .append("</").append(p).append("edXMLHeader>")
                .append(ws(r)).append("</").append(p).append("edXMLEnvelope>").append(ws(r));
        int attachments = r.nextInt(4);
        if (attachments > 0 || r.nextBoolean()) {
            String ap = pick(r, "", "", "a:");
            String adecl = ap.isEmpty() ? "" : " xmlns:a=\"" + NS + "\"";
            String inner = ap.isEmpty() && !rp.isEmpty() ? " xmlns=\"" + NS + "\"" : "";
            sb.append('<').append(ap).append("AttachmentEncoded").append(adecl).append(inner).append('>');
            for (int i = 0; i < attachments; i++) {
                sb.append(ws(r)).append("<Attachment>").append(ws(r))
                        .append(el("", "ContentId", "cid:" + (i + 1))).append(ws(r))
                        .append(el("", "AttachmentName", "tệp " + i + ".pdf"))
                        .append(r.nextBoolean() ? el("", "Description", richText(r)) : "")
                        .append(el("", "ContentType", "application/pdf")).append(ws(r));
                String cp = pick(r, "", "edXML:", "x:");
                String cdecl = cp.isEmpty() ? "" : " xmlns:" + cp.substring(0, cp.length() - 1) + "=\"" + NS + "\"";
                byte[] data = new byte[large && i == 0 ? 300_000 + r.nextInt(1000) : r.nextInt(700)];
                r.nextBytes(data);
                sb.append('<').append(cp).append("ContentTransferEncoded").append(cdecl)
                        .append(r.nextInt(4) == 0 ? " note='a>b' q=\"/>\"" : "").append('>')
                        .append(base64Text(r, data)).append("</").append(cp).append("ContentTransferEncoded>")
                        .append(ws(r)).append("</Attachment>");
            }
            sb.append(ws(r)).append("</").append(ap).append("AttachmentEncoded>");
        }
        sb.append(ws(r)).append("</").append(rp).append("edXML>").append(pick(r, "", "\n", "\r\n", "<!-- end -->"));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String el(String prefix, String name, String content) {
        return "<" + prefix + name + ">" + content + "</" + prefix + name + ">";
    }

    private static String ws(Random r) {
        return pick(r, "", "", "\n", "\r\n  ", "\t", "<!-- x -->", "<?keep going?>", "\r");
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** A value written with every well-formed device: line ends, references, CDATA, comments. */
    private static String richText(Random r) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(10)) {
                case 0 -> sb.append("\r\n");
                case 1 -> sb.append('\r');
                case 2 -> sb.append("&#13;");
                case 3 -> sb.append("&#xA;");
                case 4 -> sb.append("<![CDATA[a <b> & \r\n c]]>");
                case 5 -> sb.append("&amp;&lt;&gt;&quot;&apos;");
                case 6 -> sb.append("<!-- not text -->");
                case 7 -> sb.append("&#x1F642;&#233;");
                default -> {
                    int n = 1 + r.nextInt(12);
                    for (int k = 0; k < n; k++) {
                        sb.appendCodePoint(TEXT.codePointAt(TEXT.offsetByCodePoints(0,
                                r.nextInt(TEXT.codePointCount(0, TEXT.length())))));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Base64 of data, in one of the forms senders use, sometimes dressed in well-formed XML devices. */
    private static String base64Text(Random r, byte[] data) {
        String b64 = switch (r.nextInt(4)) {
            case 0 -> Base64.getMimeEncoder().encodeToString(data);
            case 1 -> Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
            default -> Base64.getEncoder().encodeToString(data);
        };
        StringBuilder sb = new StringBuilder(pick(r, "", "", "\n  ", "\r\n", " "));
        int i = 0;
        while (i < b64.length()) {
            int n = Math.min(b64.length() - i, 1 + r.nextInt(r.nextBoolean() ? 40 : 400_000));
            String chunk = b64.substring(i, i + n);
            switch (r.nextInt(12)) {
                case 0 -> sb.append("<![CDATA[").append(chunk).append("]]>");
                case 1 -> sb.append("&#").append((int) chunk.charAt(0)).append(';').append(chunk, 1, n);
                case 2 -> sb.append("&#x").append(Integer.toHexString(chunk.charAt(0))).append(';')
                        .append(chunk, 1, n);
                case 3 -> sb.append(chunk).append("<!-- c -->");
                case 4 -> sb.append(chunk).append("&#13;&#10;");
                case 5 -> sb.append(chunk).append("\r");
                default -> sb.append(chunk);
            }
            i += n;
        }
        return sb.append(pick(r, "", "", "\n", "\r\n")).toString();
    }

    // ---- mutation ---------------------------------------------------------------------------------------------

    private static final byte[] INTERESTING = "<>&;#x]'\"/=:!?-[ \r\n\t\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final int[] HIGH = {0x80, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF8, 0xFF, 0xC0};

    private static byte[] mutate(Random r, byte[] doc) {
        byte[] d = doc;
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && d.length > 2; k++) {
            int at = hotSpot(r, d);
            switch (r.nextInt(7)) {
                case 0 -> d[at] = (byte) (r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)]
                        : HIGH[r.nextInt(HIGH.length)]);
                case 1 -> d = insert(d, at, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]});
                case 2 -> d = insert(d, at, new byte[] {(byte) HIGH[r.nextInt(HIGH.length)]});
                case 3 -> d = delete(d, at, 1 + r.nextInt(3));
                case 4 -> d = java.util.Arrays.copyOf(d, at);
                case 5 -> {
                    int len = Math.min(d.length - at, 1 + r.nextInt(30));
                    d = insert(d, at, java.util.Arrays.copyOfRange(d, at, at + len));
                }
                default -> d = insert(d, at, pick(r, "&#xD800;", "&#0;", "&#xFFFE;", "]]>", "<!--", "-->",
                        "&amp", "&#;", "<a b='1' b='2'/>", "<u:x/>", "</x>", "<?xml version='1.0'?>", "\u0085",
                        "\u2028", "&unknown;", "<![CDATA[", "xmlns:p=''").getBytes(StandardCharsets.UTF_8));
            }
        }
        return d;
    }

    /** Mutations aim mostly at the attachment section, where the reader does its own work. */
    private static int hotSpot(Random r, byte[] d) {
        String s = new String(d, StandardCharsets.ISO_8859_1);
        int start = s.indexOf("AttachmentEncoded");
        if (start > 0 && r.nextInt(4) != 0) {
            return start + r.nextInt(d.length - start);
        }
        return r.nextInt(d.length);
    }

    private static byte[] insert(byte[] d, int at, byte[] what) {
        byte[] out = new byte[d.length + what.length];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(d, at, out, at + what.length, d.length - at);
        return out;
    }

    private static byte[] delete(byte[] d, int at, int len) {
        int n = Math.min(len, d.length - at);
        byte[] out = new byte[d.length - n];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(d, at + n, out, at, d.length - at - n);
        return out;
    }
}
